package org.paperless.mail.internal;

/**
 * What one mail may cost. Real mails stay far below these; a mail past one is refused with the reason and
 * recorded as failed, and the fetcher goes on with the next.
 *
 * @param maxMailBytes the whole mail as the server sends it (RFC822.SIZE, then counted while downloading)
 * @param maxPartBytes one decoded attachment
 * @param maxParts MIME parts of the mail at any depth (jakarta.mail keeps each one in memory)
 * @param maxDepth nesting of multiparts
 * @param batch mails whose envelopes are fetched in one command
 */
record Limits(long maxMailBytes, long maxPartBytes, int maxParts, int maxDepth, int batch) {

    static final Limits DEFAULT = new Limits(200L << 20, 100L << 20, 1_000, 20, 200);
}
