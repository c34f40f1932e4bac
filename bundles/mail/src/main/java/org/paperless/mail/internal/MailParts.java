package org.paperless.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.SharedFileInputStream;

/**
 * The leaf parts of a downloaded mail, read from the file without loading it: parts share the file. The
 * walk stops at {@link Limits#maxDepth()} levels and {@link Limits#maxParts()} parts; the parts of a
 * multipart are counted while jakarta.mail reads them, so a level of a million empty parts stops early.
 * A mail attached to the mail (message/rfc822) is one leaf: its own parts belong to it.
 */
final class MailParts implements AutoCloseable {

    /** One part that is no multipart. */
    record Leaf(MimePart part, String fileName, String disposition, String type) {

        boolean attachment() {
            return Part.ATTACHMENT.equalsIgnoreCase(disposition);
        }
    }

    private static final Session SESSION = Session.getInstance(new Properties());

    private final SharedFileInputStream file;
    private final MimeMessage message;
    private final Limits limits;
    private final List<Leaf> leaves = new ArrayList<>();
    private int parts;

    private MailParts(Path eml, Limits limits) throws IOException, MessagingException {
        this.file = new SharedFileInputStream(eml.toFile());
        this.limits = limits;
        try {
            this.message = new MimeMessage(SESSION, file);
        } catch (MessagingException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** @throws MailRefused when the mail is malformed or past a limit */
    static MailParts read(Path eml, Limits limits) throws MailRefused, IOException {
        MailParts mail;
        try {
            mail = new MailParts(eml, limits);
        } catch (MessagingException | RuntimeException e) {
            throw new MailRefused("The mail cannot be read: " + Failures.message(e), e);
        }
        try {
            mail.walk(mail.message, 0);
        } catch (MailRefused e) {
            mail.close();
            throw e;
        } catch (MessagingException | IOException | RuntimeException | StackOverflowError e) {
            mail.close();
            MailRefused limit = Failures.find(e, MailRefused.class);
            throw limit != null ? limit : new MailRefused("The mail cannot be read: " + Failures.message(e), e);
        }
        return mail;
    }

    List<Leaf> leaves() {
        return leaves;
    }

    private void walk(MimePart part, int depth) throws MessagingException, IOException, MailRefused {
        if (depth > limits.maxDepth()) {
            throw new MailRefused("Refused: its parts are nested deeper than " + limits.maxDepth()
                    + " levels (a mail bomb?)");
        }
        String type = baseType(part);
        if (type.startsWith("multipart/")) {
            Counting multipart = new Counting(part);
            for (int i = 0; i < multipart.getCount(); i++) {
                walk((MimePart) multipart.getBodyPart(i), depth + 1);
            }
            return;
        }
        leaves.add(new Leaf(part, fileName(part), disposition(part), type));
    }

    private void counted() throws MailRefused {
        if (++parts > limits.maxParts()) {
            throw new MailRefused(String.format(Locale.ROOT, "Refused: it has more than %,d MIME parts (a mail bomb?)",
                    limits.maxParts()));
        }
    }

    private static String baseType(MimePart part) throws MessagingException {
        String header = part.getHeader("Content-Type", null);
        if (header == null) {
            return "text/plain";
        }
        try {
            return new ContentType(header).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException e) {
            return "application/octet-stream";
        }
    }

    private static String disposition(MimePart part) {
        try {
            return part.getDisposition();
        } catch (MessagingException e) {
            return null; // an unreadable disposition counts as none
        }
    }

    /** The name from Content-Disposition or Content-Type (RFC 2231 decoded by jakarta.mail, RFC 2047 here). */
    private static String fileName(MimePart part) {
        String name;
        try {
            name = part.getFileName();
        } catch (MessagingException e) {
            return null;
        }
        if (name != null && name.contains("=?")) {
            try {
                name = MimeUtility.decodeText(name);
            } catch (java.io.UnsupportedEncodingException e) {
                // kept as it stands
            }
        }
        return name == null || name.isBlank() ? null : name.strip();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    /** A multipart whose parts count against the mail's limit while jakarta.mail reads them. */
    private final class Counting extends MimeMultipart {

        Counting(MimePart part) throws MessagingException {
            super(part.getDataHandler().getDataSource());
        }

        @Override
        protected MimeBodyPart createMimeBodyPart(InputStream in) throws MessagingException {
            count();
            return super.createMimeBodyPart(in);
        }

        @Override
        protected MimeBodyPart createMimeBodyPart(InternetHeaders headers, byte[] content) throws MessagingException {
            count();
            return super.createMimeBodyPart(headers, content);
        }

        private void count() throws MessagingException {
            try {
                counted();
            } catch (MailRefused e) {
                throw new MessagingException(e.getMessage(), e);
            }
        }
    }
}
