package org.paperless.mail.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/** Mails for the tests, built with jakarta.mail as a mail program would, or raw. */
final class TestMails {

    static final Session SESSION = Session.getInstance(new Properties());

    /** An attachment; disposition null leaves the header out. */
    record Attachment(String name, byte[] bytes, String type, String disposition) {
    }

    private TestMails() {
    }

    /** A PDF-looking file, unique unless the same seed is given. */
    static Attachment pdf(String name, String seed) {
        return new Attachment(name, ("%PDF-1.4\n% " + seed + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII),
                "application/pdf", Part.ATTACHMENT);
    }

    static Attachment pdf(String name) {
        return pdf(name, name + " " + UUID.randomUUID());
    }

    static Attachment text(String name, String content) {
        return new Attachment(name, content.getBytes(StandardCharsets.UTF_8), "text/plain", Part.ATTACHMENT);
    }

    static MimeMessage mail(String subject, String from, String body, Attachment... attachments) {
        return mail(subject, from, "bob@example.org", body, attachments);
    }

    static MimeMessage mail(String subject, String from, String to, String body, Attachment... attachments) {
        try {
            MimeMessage message = new MimeMessage(SESSION);
            message.setFrom(new InternetAddress(from));
            message.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(to));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(new Date());
            MimeMultipart multipart = new MimeMultipart("mixed");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, "UTF-8");
            multipart.addBodyPart(text);
            for (Attachment a : attachments) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.bytes(), a.type())));
                // as mail programs send files: base64, bytes as they are (no line ends made canonical)
                part.setHeader("Content-Transfer-Encoding", "base64");
                if (a.name() != null) {
                    part.setFileName(a.name());
                }
                if (a.disposition() != null) {
                    part.setDisposition(a.disposition());
                } else {
                    part.removeHeader("Content-Disposition");
                }
                multipart.addBodyPart(part);
            }
            message.setContent(multipart);
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A mail exactly as these bytes say (CRLF line ends added). */
    static MimeMessage raw(String text) {
        return raw(text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    static MimeMessage raw(byte[] bytes) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(bytes)) {
                @Override
                protected void updateMessageID() {
                    // keep the mail as it is
                }

                @Override
                public void saveChanges() {
                    // as it is: headers and content untouched
                }
            };
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
