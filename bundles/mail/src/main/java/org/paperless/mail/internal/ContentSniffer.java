package org.paperless.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The type of an attachment from its first bytes, as paperless-ngx does (a mail's declared type is often
 * application/octet-stream): only to leave out attachments no parser reads, as paperless-ngx does. The
 * consumer detects the type again, with more patterns; where the bytes say nothing here, the declared type
 * and then the name decide.
 */
final class ContentSniffer {

    private static final int HEAD = 8192;

    private ContentSniffer() {
    }

    static String detect(Path file, String declaredType, String fileName) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        String magic = magic(head);
        if (magic != null) {
            return magic;
        }
        String declared = declaredType == null ? "" : declaredType.toLowerCase(Locale.ROOT).strip();
        String byName = byExtension(fileName);
        if (declared.equals("message/rfc822") || "message/rfc822".equals(byName)) {
            return "message/rfc822";
        }
        if (looksLikeText(head)) {
            return textType(head, declared, byName);
        }
        if (!declared.isEmpty() && !declared.equals("application/octet-stream")) {
            return declared;
        }
        return byName != null ? byName : "application/octet-stream";
    }

    private static String magic(byte[] b) {
        if (startsWith(b, 0, "%PDF-") || indexOf(b, "%PDF-", 1024) >= 0) {
            return "application/pdf";
        }
        if (startsWith(b, 0, "\u0089PNG\r\n\u001a\n")) {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (startsWith(b, 0, "GIF87a") || startsWith(b, 0, "GIF89a")) {
            return "image/gif";
        }
        if (startsWith(b, 0, "II*\u0000") || startsWith(b, 0, "MM\u0000*")) {
            return "image/tiff";
        }
        if (startsWith(b, 0, "RIFF") && startsWith(b, 8, "WEBP")) {
            return "image/webp";
        }
        if (startsWith(b, 0, "BM") && b.length > 14) {
            return "image/bmp";
        }
        return null;
    }

    /** Text the parsers for plain text would not get from the consumer's detection either. */
    private static String textType(byte[] head, String declared, String byName) {
        String start = new String(head, 0, Math.min(head.length, 256), StandardCharsets.UTF_8).stripLeading()
                .toLowerCase(Locale.ROOT);
        if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
            return "text/html";
        }
        if (start.startsWith("<?xml")) {
            return "application/xml";
        }
        if (start.startsWith("begin:vcalendar")) {
            return "text/calendar";
        }
        if (start.startsWith("begin:vcard")) {
            return "text/vcard";
        }
        if (declared.startsWith("text/") && !declared.equals("text/plain") && !declared.equals("text/csv")) {
            return declared;
        }
        if (byName != null && !byName.startsWith("text/")) {
            return byName;
        }
        return "text/csv".equals(byName) || declared.equals("text/csv") ? "text/csv" : "text/plain";
    }

    private static String byExtension(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return switch (dot < 0 ? "" : name.substring(dot + 1)) {
            case "pdf" -> "application/pdf";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "tif", "tiff" -> "image/tiff";
            case "gif" -> "image/gif";
            case "webp" -> "image/webp";
            case "bmp" -> "image/bmp";
            case "txt" -> "text/plain";
            case "csv" -> "text/csv";
            case "eml" -> "message/rfc822";
            case "html", "htm" -> "text/html";
            case "xml" -> "application/xml";
            default -> null;
        };
    }

    /** UTF-8 (or ASCII) without NUL bytes; a cut multi-byte character at the end is allowed. */
    private static boolean looksLikeText(byte[] b) {
        if (b.length == 0) {
            return false;
        }
        for (byte x : b) {
            if (x == 0) {
                return false;
            }
        }
        int end = b.length;
        if (b.length == HEAD) {
            // do not count a character cut by the read
            for (int i = 0; i < 3 && end > 0 && (b[end - 1] & 0xc0) == 0x80; i++) {
                end--;
            }
            if (end > 0 && (b[end - 1] & 0xc0) == 0xc0) {
                end--;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] b, int offset, String ascii) {
        if (b.length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if ((b[offset + i] & 0xff) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, String ascii, int within) {
        for (int i = 0; i + ascii.length() <= Math.min(b.length, within); i++) {
            if (startsWith(b, i, ascii)) {
                return i;
            }
        }
        return -1;
    }
}
