package org.paperless.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.paperless.api.Document;
import org.paperless.api.consumer.ConsumeOverrides;
import org.paperless.api.consumer.ConsumptionException;
import org.paperless.api.storage.DataFolders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploaded files consumed in the background, one at a time in order of arrival (the consumer parallelises
 * inside), at most {@link #QUEUE} waiting; beyond that an upload is refused with 503 rather than buffered.
 * A file waits in {@code <data>/uploads/<task id>/}; the consumer takes it from there, and a refused file goes to
 * the consume folder's failed/ with its reason, as every other refused file. Tasks are remembered for the life of
 * the bundle, the newest {@link #KEPT} of them.
 */
final class Uploads implements AutoCloseable {

    static final int QUEUE = 1000;
    static final int KEPT = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);

    private final Services services;
    private final Map<String, UploadTask> tasks = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), r -> {
                Thread t = new Thread(r, "paperless-api-uploads");
                t.setDaemon(true);
                return t;
            });

    /**
     * A document's changes after consumption that the consumer does not take (created date, serial number).
     */
    interface After {
        Document apply(Document stored);
    }

    Uploads(Services services) {
        this.services = services;
    }

    /** Saves the upload and queues it; returns its task. */
    UploadTask submit(String fileName, InputStream data, String owner, ConsumeOverrides overrides, After after)
            throws IOException {
        String taskId = UUID.randomUUID().toString();
        Path folder = services.folders().data().resolve("uploads").resolve(taskId);
        Files.createDirectories(folder);
        Path file = folder.resolve(fileName);
        try {
            Files.copy(data, file);
        } catch (IOException e) {
            deleteFolder(folder);
            throw e;
        }
        UploadTask task = new UploadTask(ids.incrementAndGet(), taskId, fileName, owner);
        try {
            worker.execute(() -> consume(task, file, overrides, after));
        } catch (RejectedExecutionException e) {
            deleteFolder(folder);
            throw ApiException.detail(503, QUEUE + " uploads are waiting already; try again when they are consumed.");
        }
        tasks.put(taskId, task);
        forgetOldest();
        return task;
    }

    private void consume(UploadTask task, Path file, ConsumeOverrides overrides, After after) {
        task.started();
        try {
            Document stored = services.consumer().consume(file, overrides);
            stored = after.apply(stored);
            task.succeeded(stored.id());
        } catch (ConsumptionException e) {
            task.failed(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Consuming the upload {} failed", task.fileName, e);
            task.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            deleteFolder(file.getParent());
        }
    }

    /**
     * Queues again the uploads a stopped bundle or instance left unconsumed, under their task ids, without the
     * overrides they came with (those lived in memory).
     */
    void resume() {
        DataFolders folders = services.folders;
        Path uploads = folders == null ? null : folders.data().resolve("uploads");
        if (uploads == null || !Files.isDirectory(uploads)) {
            return;
        }
        try (var dirs = Files.list(uploads)) {
            for (Path folder : (Iterable<Path>) dirs::iterator) {
                try (var files = Files.list(folder)) {
                    Optional<Path> file = files.filter(Files::isRegularFile).findFirst();
                    if (file.isEmpty()) {
                        deleteFolder(folder);
                        continue;
                    }
                    UploadTask task = new UploadTask(ids.incrementAndGet(), folder.getFileName().toString(),
                            file.get().getFileName().toString(), null);
                    tasks.put(task.taskId, task);
                    worker.execute(() -> consume(task, file.get(), ConsumeOverrides.NONE, d -> d));
                    LOG.info("Consuming the upload {} left from before the restart", file.get());
                }
            }
        } catch (IOException | RejectedExecutionException e) {
            LOG.warn("Could not resume the uploads in {}: {}", uploads, e.getMessage());
        }
    }

    Optional<UploadTask> find(String taskId) {
        return Optional.ofNullable(tasks.get(taskId));
    }

    Optional<UploadTask> find(long id) {
        return tasks.values().stream().filter(t -> t.id == id).findFirst();
    }

    /** The tasks, newest first. */
    List<UploadTask> list() {
        List<UploadTask> all = new ArrayList<>(tasks.values());
        all.sort(Comparator.comparingLong((UploadTask t) -> t.id).reversed());
        return all;
    }

    private void forgetOldest() {
        if (tasks.size() > KEPT) {
            tasks.values().stream().filter(t -> t.status() == UploadTask.Status.SUCCESS
                    || t.status() == UploadTask.Status.FAILURE).min(Comparator.comparingLong(t -> t.id))
                    .ifPresent(t -> tasks.remove(t.taskId));
        }
    }

    /** A work folder of files (no subfolders) and the folder itself; what cannot go is logged. */
    static void deleteFolder(Path folder) {
        try (var files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            LOG.warn("Could not remove the work folder {}: {}", folder, e.getMessage());
        }
    }

    @Override
    public void close() {
        // Files still queued stay in uploads/ (the next start does not pick them up: see docs/API.md).
        worker.shutdownNow();
    }
}
