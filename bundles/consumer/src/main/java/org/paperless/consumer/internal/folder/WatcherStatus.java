package org.paperless.consumer.internal.folder;

import java.nio.file.Path;
import java.time.Instant;

import org.paperless.api.consumer.ConsumeFolderState;

/** What the watcher did since it started, for paperless:status; written by its thread, read by any. */
final class WatcherStatus {

    private final Path folder;
    private long consumed;
    private long failed;
    private String lastConsumed;
    private Instant lastConsumedAt;
    private String lastError;
    private Instant lastErrorAt;

    WatcherStatus(Path folder) {
        this.folder = folder;
    }

    synchronized void consumed(Path file) {
        consumed++;
        lastConsumed = file.getFileName().toString();
        lastConsumedAt = Instant.now();
    }

    synchronized void failed(Path file, String reason) {
        failed++;
        error(file.getFileName() + ": " + reason);
    }

    synchronized void error(String message) {
        lastError = message;
        lastErrorAt = Instant.now();
    }

    /** @param notWatchingReason null while files are taken */
    synchronized ConsumeFolderState snapshot(String notWatchingReason) {
        return new ConsumeFolderState(notWatchingReason == null, folder, notWatchingReason, consumed, failed,
                lastConsumed, lastConsumedAt, lastError, lastErrorAt);
    }
}
