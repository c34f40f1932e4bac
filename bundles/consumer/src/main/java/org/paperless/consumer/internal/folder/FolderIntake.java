package org.paperless.consumer.internal.folder;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import org.paperless.api.Tag;
import org.paperless.api.consumer.ConsumeOverrides;
import org.paperless.api.consumer.ConsumptionException;
import org.paperless.api.storage.TagRepository;
import org.paperless.consumer.internal.ConsumptionPausedException;
import org.paperless.consumer.internal.FileChangedException;
import org.paperless.consumer.internal.FileIdentity;
import org.paperless.consumer.internal.FolderConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one ready file to the consumer. Nothing a file does (a refusal, a parser running out of memory or
 * overflowing its stack) goes further than this file: the watcher carries on with the next one.
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

    private static final Logger LOG = LoggerFactory.getLogger(FolderIntake.class);

    private final FolderConsumer consumer;
    private final TagRepository tags;
    private final FolderScanner scanner;
    private final WatchSettings settings;
    private final WatcherStatus status;

    FolderIntake(FolderConsumer consumer, TagRepository tags, FolderScanner scanner, WatchSettings settings,
            WatcherStatus status) {
        this.consumer = consumer;
        this.tags = tags;
        this.scanner = scanner;
        this.settings = settings;
        this.status = status;
    }

    Outcome take(Path file, StableFiles.Observation seen) {
        if (consumer.pausedFor() != null) {
            return Outcome.CHANGED; // not even folder tags are made while an import needs the collection
        }
        try {
            consumer.consumeFound(file, new FileIdentity(seen.fileKey(), seen.size()),
                    new ConsumeOverrides(null, null, null, folderTags(file)));
            status.consumed(file);
        } catch (FileChangedException e) {
            return Outcome.CHANGED; // logged by the consumer
        } catch (ConsumptionPausedException e) {
            return Outcome.CHANGED; // it waits in the folder until the pause ends
        } catch (ConsumptionException e) {
            status.failed(file, e.getMessage()); // logged by the consumer; the file is in failed/ now
        } catch (Throwable e) { // an Error too: it must not end the schedule
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
