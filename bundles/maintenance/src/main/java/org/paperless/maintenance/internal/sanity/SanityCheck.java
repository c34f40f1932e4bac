package org.paperless.maintenance.internal.sanity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

import org.paperless.api.Document;
import org.paperless.api.backup.Progress;
import org.paperless.api.maintenance.SanityMessage;
import org.paperless.api.maintenance.SanityReport;

/**
 * One run of the sanity check. The documents of a batch are checked on the pool while the next batch is
 * read from the database, so at most two batches are held at once; what stays for the whole run is the
 * messages, the names of the files the documents refer to and the media folder's listing (taken meanwhile
 * on a thread of its own, held against those names at the end for the orphan search).
 */
final class SanityCheck {

    private final MediaLayout media;
    private final ExecutorService pool;
    private final DocumentCheck documentCheck;

    SanityCheck(MediaLayout media, ExecutorService pool) {
        this.media = media;
        this.pool = pool;
        this.documentCheck = new DocumentCheck(media);
    }

    /** @param total how many documents there are, for the progress only */
    SanityReport run(BatchSource source, long total, Progress progress) {
        OrphanSearch orphans = new OrphanSearch(media);
        CompletableFuture<OrphanSearch.Listing> listing = orphans.listInBackground();
        Set<String> referenced = new HashSet<>();
        List<SanityMessage> messages = new ArrayList<>();
        long done = 0;
        long files = 0;
        List<Document> batch = source.after(0);
        while (!batch.isEmpty()) {
            long last = batch.get(batch.size() - 1).id();
            List<Future<Findings>> pending = submit(batch);
            batch = null; // the tasks hold what they still need
            try {
                List<Document> next = source.after(last);
                for (Future<Findings> task : pending) {
                    Findings found = await(task);
                    messages.addAll(found.messages());
                    files += found.filesRead();
                    found.referenced().forEach(file -> referenced.add(media.key(file)));
                    done++;
                    progress.update(done, Math.max(done, total));
                }
                batch = next;
            } finally {
                pending.forEach(task -> task.cancel(true));
            }
        }
        messages.addAll(orphans.find(listing, referenced));
        return new SanityReport(done, files, messages);
    }

    private List<Future<Findings>> submit(List<Document> batch) {
        List<Future<Findings>> pending = new ArrayList<>(batch.size());
        try {
            for (Document d : batch) {
                pending.add(pool.submit(() -> documentCheck.check(d)));
            }
        } catch (RejectedExecutionException e) {
            pending.forEach(task -> task.cancel(true));
            throw new IllegalStateException("The sanity checker is stopping", e);
        }
        return pending;
    }

    private static Findings await(Future<Findings> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The sanity check was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("The sanity check failed: " + e.getCause(), e.getCause());
        }
    }
}
