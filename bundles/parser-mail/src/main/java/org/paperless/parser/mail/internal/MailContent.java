package org.paperless.parser.mail.internal;

import java.time.LocalDate;
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
        StringBuilder text = new StringBuilder();
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        return text.append('\n').append(bodyAndAttachments()).toString();
    }

    /** The text below the header block. */
    String bodyAndAttachments() {
        StringBuilder text = new StringBuilder();
        text.append(body.strip()).append('\n');
        if (!attachments.isEmpty()) {
            text.append("\nAttachments:\n");
            for (Attachment attachment : attachments) {
                text.append("- ").append(attachment.name()).append(" (").append(formatSize(attachment.size())).append(")\n");
            }
        }
        return text.toString();
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
