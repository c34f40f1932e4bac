package org.paperless.api;

import java.time.Instant;

/** A note a user wrote on a document. */
public record Note(Long id, long documentId, String text, Instant created, String user) {
}
