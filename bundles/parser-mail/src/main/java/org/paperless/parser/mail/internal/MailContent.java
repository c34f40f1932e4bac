package org.paperless.parser.mail.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a mail says, decoded: the header fields shown to a reader (in order, absent ones left out),
 * the body as plain text and the attachments.
 */
record MailContent(Map<String, String> headers, LocalDate date, String body, List<Attachment> attachments) {

    /** An attached file; {@code size} is the decoded size in bytes. */
    record Attachment(String name, long size) {
    }

    /** The header block, the body and the attachment list, as the document's text. */
    String text() {
        StringBuilder text = new StringBuilder(body.length() + 1024);
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        text.append('\n').append(body.strip()).append('\n');
        attachmentLines().forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** The lines that follow the body: none, or a blank line, a heading and one line per attachment. */
    List<String> attachmentLines() {
        if (attachments.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(attachments.size() + 2);
        lines.add("");
        lines.add("Attachments:");
        for (Attachment attachment : attachments) {
            lines.add("- " + attachment.name() + " (" + formatSize(attachment.size()) + ")");
        }
        return lines;
    }

    static String formatSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
