package org.paperless.api.consumer;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A snapshot of the consume folder watcher, counted since it started.
 *
 * @param watching whether files put into the folder are taken now
 * @param folder the consume folder
 * @param notWatchingReason why files are not taken (null while watching)
 * @param consumed files stored as documents since the watcher started
 * @param failed files refused or failed since the watcher started (kept in failed/ when they could be moved)
 * @param lastConsumed the name of the last file stored, or null
 * @param lastConsumedAt when it was stored, or null
 * @param lastError the last failure, with the file it concerned, or null
 * @param lastErrorAt when it happened, or null
 */
public record ConsumeFolderState(boolean watching, Path folder, String notWatchingReason, long consumed, long failed,
        String lastConsumed, Instant lastConsumedAt, String lastError, Instant lastErrorAt) {
}
