package org.paperless.parser.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.paperless.parser.mail.internal.MailContent.Attachment;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;

/** Walks a parsed message: header fields, the readable body, the attachments. */
final class MailReader {

    /** Header fields shown at the top of the text and the archive PDF, in this order. */
    static final List<String> SHOWN_HEADERS = List.of("From", "To", "Cc", "Date", "Subject");
    /** A mail that has none of these is not a mail (Tika can be fooled by a few "Xyz: " lines). */
    private static final List<String> MAIL_HEADERS = List.of("From", "Date", "Subject", "To", "Message-ID",
            "MIME-Version", "Received", "Sender", "Return-Path");
    /** Nesting deeper than this is an attack, not a mail. */
    private static final int MAX_DEPTH = 20;

    private final List<Attachment> attachments = new ArrayList<>();

    private MailReader() {
    }

    static MailContent read(MimeMessage message) throws MessagingException, IOException {
        if (MAIL_HEADERS.stream().noneMatch(name -> header(message, name) != null)) {
            throw new MessagingException("it has no mail headers (From, Date, Subject, ...)");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : SHOWN_HEADERS) {
            String value = header(message, name);
            if (value != null && !value.isBlank()) {
                headers.put(name, value);
            }
        }
        MailReader reader = new MailReader();
        String body = reader.body(message, 0);
        return new MailContent(headers, date(message), body, List.copyOf(reader.attachments));
    }

    /** The unfolded, RFC 2047-decoded header field, or null. Undecodable encoded words stay as they are. */
    static String header(MimeMessage message, String name) {
        String raw;
        try {
            raw = message.getHeader(name, ", ");
        } catch (MessagingException e) {
            return null;
        }
        if (raw == null) {
            return null;
        }
        String unfolded = MimeUtility.unfold(raw).strip();
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (IOException | RuntimeException e) {
            return unfolded;
        }
    }

    /** The Date header as the sender's calendar day; null when it is missing or unreadable. */
    static LocalDate date(MimeMessage message) {
        String raw = header(message, "Date");
        if (raw == null) {
            return null;
        }
        // "Tue, 3 Jun 2008 11:05:30 +0100 (CET)": drop the comment; RFC 1123 covers the rest.
        String cleaned = raw.replaceAll("\\([^)]*\\)", "").replaceAll("\\s+", " ").strip();
        try {
            return ZonedDateTime.parse(cleaned, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
        } catch (DateTimeParseException e) {
            try { // jakarta.mail's lenient parser knows the odd old formats; it loses the sender's zone
                Date sent = message.getSentDate();
                return sent == null ? null : sent.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
            } catch (MessagingException | RuntimeException ignored) {
                return null;
            }
        }
    }

    /** The readable text of a part; attachments found on the way are recorded, not read. */
    private String body(MimePart part, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            throw new MessagingException("its MIME parts are nested more than " + MAX_DEPTH + " deep");
        }
        ContentType type = contentType(part);
        if (isAttachment(part, type)) {
            attachments.add(new Attachment(fileName(part, type), decodedSize(part)));
            return "";
        }
        if (type.match("multipart/*")) {
            Multipart multipart = new MimeMultipart(part.getDataHandler().getDataSource());
            return type.match("multipart/alternative") ? alternative(multipart, depth) : mixed(multipart, depth);
        }
        String charset = type.getParameter("charset");
        if (type.match("text/html")) {
            return BodyText.html(content(part), charset);
        }
        return BodyText.decode(content(part), charset);
    }

    /** multipart/alternative: the text/plain version if there is one, else HTML, else the first that reads. */
    private String alternative(Multipart multipart, int depth) throws MessagingException, IOException {
        MimePart plain = null;
        MimePart html = null;
        for (int i = 0; i < multipart.getCount(); i++) {
            MimePart child = (MimePart) multipart.getBodyPart(i);
            ContentType type = contentType(child);
            if (plain == null && type.match("text/plain") && !isAttachment(child, type)) {
                plain = child;
            } else if (html == null && type.match("text/html") && !isAttachment(child, type)) {
                html = child;
            }
        }
        if (plain != null || html != null) {
            return body(plain != null ? plain : html, depth + 1);
        }
        for (int i = 0; i < multipart.getCount(); i++) { // e.g. a multipart/related holding the HTML
            String text = body((MimePart) multipart.getBodyPart(i), depth + 1);
            if (!text.isBlank()) {
                return text;
            }
        }
        return "";
    }

    /** multipart/mixed, related, ...: every inline text in order, attachments listed. */
    private String mixed(Multipart multipart, int depth) throws MessagingException, IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart child = multipart.getBodyPart(i);
            String part = body((MimePart) child, depth + 1).strip();
            if (!part.isEmpty()) {
                text.append(text.isEmpty() ? "" : "\n\n").append(part);
            }
        }
        return text.toString();
    }

    /** A part a reader opens separately: declared so, named, or nothing we can show as text. */
    private static boolean isAttachment(MimePart part, ContentType type) throws MessagingException {
        String disposition = null;
        try {
            disposition = part.getDisposition();
        } catch (MessagingException e) {
            // malformed Content-Disposition: judge by type
        }
        if (type.match("multipart/*")) {
            return false;
        }
        if (Part.ATTACHMENT.equalsIgnoreCase(disposition) || rawFileName(part) != null) {
            return true;
        }
        return !type.match("text/plain") && !type.match("text/html");
    }

    /** Content-Type; a missing or malformed one is read as text/plain, as RFC 2045 says. */
    private static ContentType contentType(MimePart part) {
        try {
            String value = part.getContentType();
            if (value != null) {
                return new ContentType(value);
            }
        } catch (MessagingException | RuntimeException e) {
            // fall through
        }
        return new ContentType("text", "plain", null);
    }

    private static String rawFileName(MimePart part) {
        try {
            return part.getFileName();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String fileName(MimePart part, ContentType type) {
        String name = rawFileName(part);
        if (name != null) {
            try {
                name = MimeUtility.decodeText(name);
            } catch (IOException | RuntimeException e) {
                // keep it as it is
            }
        }
        return name == null || name.isBlank() ? "(unnamed " + type.getBaseType().toLowerCase(java.util.Locale.ROOT) + ")"
                : name.strip();
    }

    /** The decoded bytes; a part whose transfer encoding is unknown or broken is read as it stands. */
    private static byte[] content(MimePart part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (MessagingException | IOException | RuntimeException e) {
            try (InputStream in = rawStream(part)) {
                return in.readAllBytes();
            }
        }
    }

    private static long decodedSize(MimePart part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.transferTo(OutputStream.nullOutputStream());
        } catch (MessagingException | IOException | RuntimeException e) {
            return Math.max(0, part.getSize()); // encoded size: the best there is
        }
    }

    private static InputStream rawStream(MimePart part) throws MessagingException {
        if (part instanceof MimeMessage message) {
            return message.getRawInputStream();
        }
        return ((jakarta.mail.internet.MimeBodyPart) part).getRawInputStream();
    }
}
