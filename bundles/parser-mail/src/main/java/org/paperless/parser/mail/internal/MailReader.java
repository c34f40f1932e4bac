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
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.paperless.parser.mail.internal.MailContent.Attachment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
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
    static final int MAX_DEPTH = 20;
    /** The body text kept, as for PDFs; text parts past it are not read. */
    static final int MAX_TEXT_CHARS = 32 * 1024 * 1024;
    /**
     * Tags of one HTML body handed to jsoup: its tree costs 100 B to 1.3 KB a tag (formatting tags that
     * jsoup reopens for every paragraph), so this keeps one body under about 60 MB. Newsletters have a
     * few thousand tags.
     */
    static final int MAX_HTML_TAGS = 50_000;
    /** A header field longer than this is cut: real ones, long recipient lists included, are shorter. */
    static final int MAX_HEADER_CHARS = 64 * 1024;
    /** No real date is longer; the comment-stripping pattern is quadratic in the length. */
    private static final int MAX_DATE_CHARS = 256;
    private static final int MAX_FILE_NAME_CHARS = 255;
    /**
     * RFC 2047 encoded words decoded per mail (counted by their "=?"). jakarta.mail 2.1 looks its decoder up
     * through ServiceLoader for every word (0.1-0.3 ms), so a mail of a million words would take minutes;
     * past this many, header fields and file names are shown as they stand. A real mail has a few dozen.
     */
    static final int MAX_ENCODED_WORDS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(MailReader.class);

    private final String mailName;
    private final MailLimits limits;
    private final List<Attachment> attachments = new ArrayList<>();
    private int textLeft;
    private boolean textCut;
    private int encodedWordsLeft = MAX_ENCODED_WORDS;

    private MailReader(String mailName, MailLimits limits, int maxTextChars) {
        this.mailName = mailName;
        this.limits = limits;
        this.textLeft = maxTextChars;
    }

    /** Reads the mail called {@code mailName} (for the log) within {@code limits}, its body cut to {@code maxTextChars}. */
    static MailContent read(MimeMessage message, String mailName, MailLimits limits, int maxTextChars)
            throws MessagingException, IOException {
        if (MAIL_HEADERS.stream().noneMatch(name -> present(message, name))) {
            throw new MessagingException("it has no mail headers (From, Date, Subject, ...)");
        }
        MailReader reader = new MailReader(mailName, limits, maxTextChars);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : SHOWN_HEADERS) {
            String value = reader.header(message, name);
            if (value != null && !value.isBlank()) {
                headers.put(name, value);
            }
        }
        String body = reader.body(message, 0);
        if (reader.textCut) {
            LOG.warn("{} has more than {} characters of text; the rest is not kept", mailName, maxTextChars);
        }
        return new MailContent(headers, date(message, headers.get("Date")), body, List.copyOf(reader.attachments));
    }

    private static boolean present(MimeMessage message, String name) {
        try {
            return message.getHeader(name) != null;
        } catch (MessagingException e) {
            return false;
        }
    }

    /**
     * The unfolded, RFC 2047-decoded header field, cut to {@value #MAX_HEADER_CHARS} characters, or null.
     * Undecodable encoded words stay as they are.
     */
    private String header(MimeMessage message, String name) {
        String raw;
        try {
            raw = message.getHeader(name, ", ");
        } catch (MessagingException e) {
            return null;
        }
        if (raw == null) {
            return null;
        }
        if (raw.length() > MAX_HEADER_CHARS) {
            LOG.warn("The {} header of {} is {} characters long; only the first {} are kept", name, mailName,
                    raw.length(), MAX_HEADER_CHARS);
            raw = raw.substring(0, MAX_HEADER_CHARS) + " …";
        }
        // Folded lines continue with a space or tab, so unfolding is dropping the line breaks. Not
        // MimeUtility.unfold: it copies the rest of the field at every break (minutes for 100,000 breaks).
        return BodyText.withoutControls(decoded(raw.replace("\r", "").replace("\n", "").strip()));
    }

    /** The text with its RFC 2047 encoded words decoded, while the mail's allowance lasts. */
    private String decoded(String text) {
        int words = 0;
        for (int at = text.indexOf("=?"); at >= 0; at = text.indexOf("=?", at + 2)) {
            words++;
        }
        if (words == 0) {
            return text;
        }
        if (words > encodedWordsLeft) {
            if (encodedWordsLeft >= 0) {
                LOG.warn("{} has more than {} encoded words in its header fields; the rest are shown undecoded",
                        mailName, MAX_ENCODED_WORDS);
                encodedWordsLeft = -1;
            }
            return text;
        }
        encodedWordsLeft -= words;
        try {
            return MimeUtility.decodeText(text);
        } catch (IOException | RuntimeException e) {
            return text;
        }
    }

    /** The Date header ({@code raw}) as the sender's calendar day; null when it is missing or unreadable. */
    static LocalDate date(MimeMessage message, String raw) {
        if (raw == null || raw.length() > MAX_DATE_CHARS) {
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
            throw new MailLimits.Refused("its MIME parts are nested more than " + MAX_DEPTH + " deep");
        }
        ContentType type = contentType(part);
        if (isAttachment(part, type)) {
            attachments.add(new Attachment(fileName(part, type), decodedSize(part)));
            return "";
        }
        if (type.match("multipart/*")) {
            Multipart multipart = BoundedMultipart.of(part, type, limits);
            return type.match("multipart/alternative") ? alternative(multipart, depth) : mixed(multipart, depth);
        }
        if (textLeft == 0) {
            textCut = true;
            return "";
        }
        String charset = type.getParameter("charset");
        byte[] bytes = content(part);
        String text = BodyText.withoutControls(type.match("text/html") ? BodyText.html(htmlWithinLimit(bytes), charset)
                : BodyText.decode(bytes, charset));
        if (text.length() > textLeft) {
            text = text.substring(0, textLeft);
            textCut = true;
        }
        textLeft -= text.length();
        return text;
    }

    /** The HTML up to its {@value #MAX_HTML_TAGS}th tag: what jsoup may hold as a tree. */
    private byte[] htmlWithinLimit(byte[] html) {
        int end = HtmlText.endOfTags(html, MAX_HTML_TAGS);
        if (end == html.length) {
            return html;
        }
        LOG.warn("An HTML part of {} has more than {} tags; the text after them is not kept", mailName, MAX_HTML_TAGS);
        return Arrays.copyOf(html, end);
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

    private String fileName(MimePart part, ContentType type) {
        String name = rawFileName(part);
        if (name != null) {
            name = decoded(name);
        }
        if (name == null || name.isBlank()) {
            return "(unnamed " + type.getBaseType().toLowerCase(java.util.Locale.ROOT) + ")";
        }
        name = name.strip();
        return name.length() > MAX_FILE_NAME_CHARS ? name.substring(0, MAX_FILE_NAME_CHARS) + "…" : name;
    }

    /**
     * The decoded bytes, no more than the text still to be kept (a byte gives at most one character in the
     * charsets mails use); a part whose transfer encoding is unknown or broken is read as it stands.
     */
    private byte[] content(MimePart part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes(textLeft);
            textCut |= in.read() != -1;
        } catch (MessagingException | IOException | RuntimeException e) {
            try (InputStream in = rawStream(part)) {
                bytes = in.readNBytes(textLeft);
                textCut |= in.read() != -1;
            }
        }
        return bytes.length == textLeft ? BodyText.withoutCutCharacter(bytes) : bytes;
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
