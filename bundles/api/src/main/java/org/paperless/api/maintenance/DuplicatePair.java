package org.paperless.api.maintenance;

/** Two documents with nearly the same content; {@code firstId < secondId}. */
public record DuplicatePair(long firstId, String firstTitle, long secondId, String secondTitle, double ratio) {
}
