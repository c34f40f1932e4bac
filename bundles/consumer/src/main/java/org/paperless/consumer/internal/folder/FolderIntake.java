package org.paperless.consumer.internal.folder;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.paperless.api.Tag;
import org.paperless.api.consumer.ConsumeOverrides;
import org.paperless.api.consumer.ConsumptionException;
import org.paperless.api.storage.TagRepository;
import org.paperless.consumer.internal.ArrivalOrder;
import org.paperless.consumer.internal.ConsumptionPausedException;
import org.paperless.consumer.internal.FileChangedException;
import org.paperless.consumer.internal.FileIdentity;
import org.paperless.consumer.internal.FolderConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands ready files to the consumer, which reads several at once and stores them in the order they were
 * handed in. Nothing a file does (a refusal, a parser running out of memory or overflowing its stack)
 * goes further than this file: the watcher carries on with the next one. Outcomes arrive on the
 * consumer's threads; the watcher collects them with {@link #finished()}.
 */
final class FolderIntake {

    /** What became of a file. */
    enum Outcome {
        /** Stored, or refused into failed/. */
        DONE,
        /** It changed while it was taken, or consumption is paused: look again once it is stable. */
        CHANGED,
        /** It is still there after a failure: leave it alone until it changes. */
        STUCK
    }

    /** A file's outcome, with what the scan saw of it. */
    record Finished(Path file, StableFiles.Observation seen, Outcome outcome) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(FolderIntake.class);

    private final FolderConsumer consumer;
    private final TagRepository tags;
    private final FolderScanner scanner;
    private final WatchSettings settings;
    private final WatcherStatus status;
    /** The folder's files are stored in the order they became ready. */
    private final ArrivalOrder order;
    private final Set<Path> inFlight = ConcurrentHashMap.newKeySet();
    private final Queue<Finished> finished = new ConcurrentLinkedQueue<>();

    FolderIntake(FolderConsumer consumer, TagRepository tags, FolderScanner scanner, WatchSettings settings,
            WatcherStatus status) {
        this.consumer = consumer;
        this.tags = tags;
        this.scanner = scanner;
        this.settings = settings;
        this.status = status;
        this.order = consumer.newArrivalOrder();
    }

    /**
     * Hands the file over, waiting while the consumer has as many of the folder's files as it takes ahead.
     *
     * @return false when it was not taken (consumption is paused): look again once it is stable
     */
    boolean take(Path file, StableFiles.Observation seen) throws InterruptedException {
        if (consumer.pausedFor() != null) {
            return false; // not even folder tags are made while an import needs the collection
        }
        inFlight.add(file);
        try {
            ConsumeOverrides overrides = new ConsumeOverrides(null, null, null, folderTags(file));
            consumer.submit(order, file, new FileIdentity(seen.fileKey(), seen.size()), overrides)
                    .whenComplete((document, failure) -> settle(file, seen, failure));
        } catch (InterruptedException e) {
            inFlight.remove(file);
            throw e;
        } catch (Throwable e) { // an Error too, e.g. while making a folder tag: it must not end the schedule
            settle(file, seen, e);
        }
        return true;
    }

    /** Files handed over whose outcome is not known yet: the scans leave them alone. */
    Set<Path> inFlight() {
        return inFlight;
    }

    /** The outcomes that arrived since the last call. */
    List<Finished> finished() {
        List<Finished> done = new ArrayList<>();
        for (Finished f; (f = finished.poll()) != null;) {
            done.add(f);
        }
        return done;
    }

    private void settle(Path file, StableFiles.Observation seen, Throwable failure) {
        Outcome outcome = outcome(file, failure);
        // Before it leaves the in-flight set: a scan that no longer counts it as in flight sees its outcome.
        finished.add(new Finished(file, seen, outcome));
        inFlight.remove(file);
    }

    private Outcome outcome(Path file, Throwable failure) {
        Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (e == null) {
            status.consumed(file);
        } else if (e instanceof FileChangedException || e instanceof ConsumptionPausedException) {
            return Outcome.CHANGED; // logged by the consumer; it waits in the folder
        } else if (e instanceof ConsumptionException) {
            status.failed(file, e.getMessage()); // logged by the consumer; the file is in failed/ now
        } else {
            LOG.error("Consuming {} failed unexpectedly; going on with the next file: {}", file, e.toString());
            status.failed(file, e.toString());
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            LOG.warn("{} is still in the consume folder after consumption; it is left alone until it changes", file);
            return Outcome.STUCK;
        }
        return Outcome.DONE;
    }

    /** With subdirs-as-tags, the folder names become tags; missing tags are created, as in paperless-ngx. */
    private List<String> folderTags(Path file) {
        if (!settings.subdirsAsTags()) {
            return List.of();
        }
        List<String> names = scanner.folderNames(file);
        for (String name : names) {
            if (tags.findByName(name).isEmpty()) {
                tags.create(new Tag(null, name, null, null, false, null));
            }
        }
        return names;
    }
}
