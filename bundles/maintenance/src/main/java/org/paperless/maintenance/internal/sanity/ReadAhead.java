package org.paperless.maintenance.internal.sanity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.paperless.api.Document;

/**
 * Reads a batch's files in order, a few documents ahead of the checks, and throws the bytes away: the checks
 * then find them in the page cache. With a cold cache the hashing threads otherwise wait for the disk in
 * turns, each with one small file at a time; a single reader going through the files in order keeps the
 * disk busy without competing reads (on the machine of docs/BENCHMARKS.md one reader was faster than four).
 * It never reads what a check has already started on, and never more than {@link #AHEAD} documents beyond
 * the checks, so a collection larger than the memory is not read twice.
 */
final class ReadAhead implements Runnable {

    static final int AHEAD = 32;
    private static final int BUFFER = 256 * 1024;

    private final MediaLayout media;
    private final List<Document> batch;
    private final AtomicInteger started;
    private volatile boolean stopped;

    /**
     * @param started how many documents of the batch the checks have begun, counted by them
     */
    ReadAhead(MediaLayout media, List<Document> batch, AtomicInteger started) {
        this.media = media;
        this.batch = batch;
        this.started = started;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[BUFFER];
        for (int i = 0; i < batch.size() && !stopped; i++) {
            if (i < started.get()) {
                i = started.get() - 1; // the checks are past these: reading them would only cost
                continue;
            }
            while (i > started.get() + AHEAD && !stopped) {
                LockSupport.parkNanos(200_000);
            }
            read(batch.get(i), buffer);
        }
    }

    private void read(Document d, byte[] buffer) {
        try {
            readQuietly(media.thumbnail(d), buffer);
            readQuietly(media.original(d), buffer);
            if (d.archiveFilename() != null && !d.archiveFilename().isBlank()) {
                readQuietly(media.archive(d), buffer);
            }
        } catch (IllegalArgumentException e) {
            // a name outside the media folder: the check reports it
        }
    }

    /** What cannot be read here is the check's to report. */
    private void readQuietly(Path file, byte[] buffer) {
        try (InputStream in = Files.newInputStream(file)) {
            while (!stopped && in.read(buffer) >= 0) {
                // only into the page cache
            }
        } catch (IOException e) {
            // reported by the check
        }
    }
}
