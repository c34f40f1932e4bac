package org.paperless.consumer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.nio.file.attribute.BasicFileAttributes;

import org.paperless.api.Document;
import org.paperless.api.consumer.ConsumeOverrides;
import org.paperless.api.consumer.ConsumptionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file, start to end: stage, parse (beside other files), store in the file's turn, remove the source,
 * close the journal entry, run the post-consume script. Whatever goes wrong (an Error such as running out of
 * memory included), the source ends up in failed/ with the reason beside it, in the file's turn too, and
 * the caller gets a ConsumptionException.
 */
final class Consumption {

    private static final Logger LOG = LoggerFactory.getLogger(Consumption.class);

    private final Pipeline pipeline;
    private final Path stagingRoot;
    private final FailedFolder failed;
    private final TaskRecords tasks;

    Consumption(Pipeline pipeline, Path stagingRoot, FailedFolder failed, TaskRecords tasks) {
        this.pipeline = pipeline;
        this.stagingRoot = stagingRoot;
        this.failed = failed;
        this.tasks = tasks;
    }

    /**
     * @param expected what the folder scan saw, or null for a file given by path
     * @param slot the file's reading permit (held on entry) and its turn among the files of its source
     */
    Document consume(Path source, FileIdentity expected, ConsumeOverrides overrides, Slot slot) {
        long start = System.nanoTime();
        Instant started = Instant.now();
        long read;
        Pipeline.Stored stored;
        try (Staging staging = Staging.copy(source, expected, stagingRoot);
                Pipeline.Parsed parsed = pipeline.parse(source, staging, overrides == null ? ConsumeOverrides.NONE : overrides)) {
            read = System.nanoTime();
            // Numbered in the file's turn; its files are written while the next file is numbered.
            stored = slot.inTurn(passTurn -> pipeline.store(parsed, passTurn));
            try (Journal.Entry committed = stored.journal()) {
                // After the turn: the next file is stored meanwhile. A crash before the note is settled by the database.
                committed.committed();
                removeSource(source, staging.source());
            }
        } catch (FileChangedException e) {
            LOG.info(e.getMessage());
            throw e;
        } catch (InterruptedException e) {
            // Stopping while the file waited for a parser or the matching rules: it stays for the next start.
            Thread.currentThread().interrupt();
            LOG.info("{} waited for a service while the consumer stopped; it stays where it is", source.getFileName());
            throw ConsumptionPausedException.interrupted(source);
        } catch (Refusal refusal) {
            throw refused(source, refusal.getMessage(), refusal.getCause(), slot, started);
        } catch (NoSuchFileException e) {
            throw refused(source, "The file disappeared while it was being consumed", null, slot, started);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Consuming {} failed", source, e);
            throw refused(source, Failures.reason(e), e, slot, started);
        } catch (Error e) {
            // Out of memory, a stack overflow, a class gone with a stopped bundle: this file fails, the next one is taken.
            LOG.error("Consuming {} failed: {}", source, e.toString());
            throw refused(source, Failures.reason(e), e, slot, started);
        }
        LOG.info("Consumed {} as document {} (read in {} ms, stored {} ms later)", source.getFileName(),
                stored.document().id(), (read - start) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
        tasks.stored(source, started, stored.document().id());
        pipeline.afterConsumption(stored);
        return stored.document();
    }

    /** A link or anything but a regular file stays where it is: only the file itself is ever moved. */
    private ConsumptionException refused(Path source, String reason, Throwable cause, Slot slot, Instant started) {
        slot.awaitTurn(); // refusals too come in the order the files arrived
        Path kept = null;
        if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            try {
                kept = failed.keep(source, reason);
            } catch (IOException e) {
                LOG.error("Could not move {} to the failed folder; it stays where it is: {}", source, e.toString());
            }
        }
        LOG.warn("Refused {}: {}", source.getFileName(), reason);
        tasks.refused(source, started, reason);
        return new ConsumptionException(reason + (kept == null ? "" : " (kept as " + kept + ")"), kept, cause);
    }

    /** Only the file that was read: one put under the same name meanwhile (a new scan) stays. */
    private static void removeSource(Path source, FileIdentity read) {
        try {
            BasicFileAttributes now = Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (read.sameFileAs(now)) {
                Files.delete(source);
            } else {
                LOG.warn("Document stored, but {} was replaced meanwhile; the new file stays", source);
            }
        } catch (NoSuchFileException e) {
            // removed by someone else: nothing left to do
        } catch (IOException e) {
            LOG.warn("Document stored, but its source {} could not be removed: {}", source, e.getMessage());
        }
    }
}
