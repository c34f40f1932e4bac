package org.paperless.api.mail;

import java.time.Instant;

/** The mail a document came from, for document-show. */
public record MailOrigin(String account, String rule, String messageId, String subject, Instant received) {
}
