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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.paperless.api.consumer.ConsumeFolderState;
import org.paperless.api.consumer.ConsumptionStatus;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.TagRepository;
import org.paperless.consumer.internal.ConsumerConfig;
import org.paperless.consumer.internal.FolderConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes files from the consume folder once they are stable, in name order, and hands them to the consumer,
 * which reads several at once and stores them in that order. File events make it look at once; a full
 * rescan every few seconds catches what events miss (network shares) and what was there at start.
 * One thread, stopped cleanly: files being consumed when the bundle stops are finished first (by the
 * consumer). Nothing ends the schedule but a stop: a failing file or a failing scan is logged and counted,
 * and the next run goes on (a scheduled task that throws, an Error included, would never run again).
 */
@Component(service = ConsumptionStatus.class, configurationPid = ConsumerConfig.PID, immediate = true)
@Designate(ocd = ConsumerConfig.class)
public class ConsumeFolderWatcher implements ConsumptionStatus {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumeFolderWatcher.class);
    private static final long TICK_MILLIS = 500;

    private final WatchSettings settings;
    private final ScheduledExecutorService executor;
    private final WatcherStatus status;
    private final Map<Path, StableFiles.Observation> givenUp = new HashMap<>();
    private final Set<Path> watchedDirs = new HashSet<>();
    private FolderScanner scanner;
    private FolderIntake intake;
    private StableFiles stable;
    private WatchService events;
    private ScheduledFuture<?> schedule;
    private volatile String notWatching;
    private String lastTickFailure;
    private long lastScan;
    private volatile boolean stopping;

    @Activate
    public ConsumeFolderWatcher(@Reference FolderConsumer consumer, @Reference TagRepository tags,
            @Reference DataFolders folders, ConsumerConfig config) {
        this.settings = WatchSettings.from(config, System.getenv());
        this.status = new WatcherStatus(folders.consumption());
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "paperless-consume-folder"));
        if (!settings.enabled()) {
            notWatching = "disabled by configuration (enabled = false in " + ConsumerConfig.PID + ")";
            LOG.info("The consume folder is not watched (enabled = false)");
            return;
        }
        try {
            Path root = Files.createDirectories(folders.consumption());
            this.scanner = new FolderScanner(root, settings);
            this.intake = new FolderIntake(consumer, tags, scanner, settings, status);
            this.stable = new StableFiles(settings.stableMillis());
            this.events = root.getFileSystem().newWatchService();
            watch(root);
        } catch (IOException e) {
            notWatching = "the consume folder cannot be used: " + e;
            LOG.error("The consume folder {} is not watched: {}", folders.consumption(), e.toString());
            return;
        }
        schedule = executor.scheduleWithFixedDelay(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("Watching {} (stable after {} ms, rescan every {} ms, recursive {})", folders.consumption(),
                settings.stableMillis(), settings.rescanMillis(), settings.recursive());
    }

    @Override
    public ConsumeFolderState state() {
        String reason = notWatching;
        if (reason == null && stopping) {
            reason = "stopping";
        } else if (reason == null && schedule.isDone()) {
            reason = "the watcher ended unexpectedly; restart the bundle org.paperless.consumer";
        }
        return status.snapshot(reason);
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
            lastTickFailure = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping
        } catch (Throwable e) { // whatever it is, the next tick must still run
            String message = e.toString();
            if (!message.equals(lastTickFailure)) { // once, not twice a second while it lasts
                LOG.error("Scanning the consume folder failed; trying again: {}", message);
                status.error("Scanning the consume folder failed: " + message);
            }
            lastTickFailure = message;
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

    private void scanAndConsume(long now) throws IOException, InterruptedException {
        for (FolderIntake.Finished f : intake.finished()) {
            if (f.outcome() == FolderIntake.Outcome.STUCK) {
                givenUp.put(f.file(), f.seen());
            }
        }
        Map<Path, StableFiles.Observation> present = scanner.scan();
        givenUp.entrySet().removeIf(e -> !e.getValue().equals(present.get(e.getKey())));
        present.keySet().removeAll(givenUp.keySet());
        present.keySet().removeAll(intake.inFlight()); // being consumed: neither new nor gone
        if (settings.recursive()) {
            present.keySet().forEach(p -> watch(p.getParent()));
        }
        List<Path> ready = stable.update(present, now);
        for (Path file : ready) {
            if (stopping) {
                return;
            }
            stable.forget(Set.of(file));
            intake.take(file, present.get(file)); // paused: seen again once stable
        }
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
