package org.paperless.itests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Mails as a server stores them (RFC 5322 text, CRLF), written by hand so that the tests say exactly what
 * is on the wire: non-ASCII subjects as RFC 2047 encoded words, non-ASCII file names as RFC 2231
 * parameters. Plain Java: usable inside the test Karaf.
 */
final class MailFixtures {

    private MailFixtures() {
    }

    /** A short note with one attachment. */
    static byte[] withAttachment(String subject, String messageId, String fileName, String contentType, byte[] content) {
        String boundary = "b-" + Integer.toHexString(messageId.hashCode());
        String body = headers(subject, messageId)
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Please find the document attached.\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: " + contentType + "; " + parameter("name", fileName) + "\r\n"
                + "Content-Disposition: attachment; " + parameter("filename", fileName) + "\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(content) + "\r\n"
                + "--" + boundary + "--\r\n";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** Text only: nothing a rule for attachments takes. */
    static byte[] plain(String subject, String messageId, String text) {
        return (headers(subject, messageId) + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n" + text + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String headers(String subject, String messageId) {
        return "From: Anna Schmidt <anna@example.org>\r\n"
                + "To: paperless@example.org\r\n"
                + "Subject: " + encodedWord(subject) + "\r\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now()) + "\r\n"
                + "Message-ID: <" + messageId + ">\r\n"
                + "MIME-Version: 1.0\r\n";
    }

    private static boolean ascii(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    /** RFC 2047: base64 in UTF-8 when the text is not plain ASCII. */
    private static String encodedWord(String text) {
        return ascii(text) ? text
                : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** RFC 2231: name*=UTF-8''percent-encoded when the value is not plain ASCII. */
    private static String parameter(String name, String value) {
        if (ascii(value)) {
            return name + "=\"" + value + "\"";
        }
        return name + "*=UTF-8''" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
