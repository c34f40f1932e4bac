package org.paperless.consumer.internal.folder;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.paperless.api.Tag;
import org.paperless.api.consumer.ConsumeOverrides;
import org.paperless.api.consumer.ConsumptionException;
import org.paperless.api.consumer.DocumentConsumer;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.TagRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.paperless.consumer.internal.ConsumerConfig;

/**
 * Takes files from the consume folder once they are stable. File events make it look at once; a full
 * rescan every few seconds catches what events miss (network shares) and what was there at start.
 * One thread, stopped cleanly: a file being consumed when the bundle stops is finished first.
 */
@Component(configurationPid = ConsumerConfig.PID, immediate = true)
@Designate(ocd = ConsumerConfig.class)
public class ConsumeFolderWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumeFolderWatcher.class);
    private static final long TICK_MILLIS = 500;

    private final DocumentConsumer consumer;
    private final TagRepository tags;
    private final WatchSettings settings;
    private final ScheduledExecutorService executor;
    private final Map<Path, StableFiles.Observation> givenUp = new HashMap<>();
    private final Set<Path> watchedDirs = new HashSet<>();
    private FolderScanner scanner;
    private StableFiles stable;
    private WatchService events;
    private long lastScan;
    private volatile boolean stopping;

    @Activate
    public ConsumeFolderWatcher(@Reference DocumentConsumer consumer, @Reference TagRepository tags,
            @Reference DataFolders folders, ConsumerConfig config) throws IOException {
        this.consumer = consumer;
        this.tags = tags;
        this.settings = WatchSettings.from(config, System.getenv());
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "paperless-consume-folder"));
        if (!settings.enabled()) {
            LOG.info("The consume folder is not watched (enabled = false)");
            return;
        }
        Path root = Files.createDirectories(folders.consumption());
        this.scanner = new FolderScanner(root, settings);
        this.stable = new StableFiles(settings.stableMillis());
        this.events = root.getFileSystem().newWatchService();
        watch(root);
        executor.scheduleWithFixedDelay(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("Watching {} (stable after {} ms, rescan every {} ms, recursive {})", root,
                settings.stableMillis(), settings.rescanMillis(), settings.recursive());
    }

    @Deactivate
    void stop() throws IOException, InterruptedException {
        stopping = true;
        executor.shutdown();
        if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
            LOG.warn("The consume folder watcher did not stop within 60 s");
        }
        if (events != null) {
            events.close();
        }
    }

    private void tick() {
        try {
            long now = System.currentTimeMillis();
            boolean changed = drainEvents();
            if (changed || now - lastScan >= settings.rescanMillis() || stable.hasPending()) {
                lastScan = now;
                scanAndConsume(now);
            }
        } catch (RuntimeException | IOException e) {
            LOG.warn("Scanning the consume folder failed: {}", e.toString());
        }
    }

    private boolean drainEvents() {
        boolean any = false;
        try {
            for (var key = events.poll(); key != null; key = events.poll()) {
                any |= !key.pollEvents().isEmpty();
                key.reset();
            }
        } catch (ClosedWatchServiceException e) {
            return false;
        }
        return any;
    }

    private void scanAndConsume(long now) throws IOException {
        Map<Path, StableFiles.Observation> present = scanner.scan();
        givenUp.entrySet().removeIf(e -> !e.getValue().equals(present.get(e.getKey())));
        present.keySet().removeAll(givenUp.keySet());
        if (settings.recursive()) {
            present.keySet().forEach(p -> watch(p.getParent()));
        }
        List<Path> ready = stable.update(present, now);
        for (Path file : ready) {
            if (stopping) {
                return;
            }
            consume(file, present.get(file));
        }
        stable.forget(Set.copyOf(ready));
    }

    private void consume(Path file, StableFiles.Observation observation) {
        try {
            consumer.consume(file, new ConsumeOverrides(null, null, null, folderTags(file)));
        } catch (ConsumptionException e) {
            // Logged by the consumer; the file is in failed/ now.
        } catch (RuntimeException e) {
            LOG.warn("Consuming {} failed unexpectedly: {}", file, e.toString());
        }
        if (Files.exists(file)) {
            LOG.warn("{} is still in the consume folder after consumption; it is left alone until it changes", file);
            givenUp.put(file, observation);
        }
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

    private void watch(Path dir) {
        if (dir == null || !watchedDirs.add(dir)) {
            return;
        }
        try {
            dir.register(events, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException | ClosedWatchServiceException e) {
            LOG.debug("No file events for {}: {}", dir, e.toString());
        }
    }
}
