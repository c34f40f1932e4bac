package org.paperless.index.lucene.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.paperless.api.Document;
import org.paperless.api.index.SearchIndex;
import org.paperless.api.storage.DocumentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bringing the index level with the database: a full reindex streamed in batches, and the catch-up after a
 * stop (documents modified since the watermark, documents the index lacks, entries whose document is gone).
 */
final class Maintenance {

    static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

    private final LuceneIndex index;
    private final DocumentRepository documents;
    private final NameCache names;
    private final BooleanSupplier stopping;
    private final BulkWriter bulk;

    Maintenance(LuceneIndex index, DocumentRepository documents, NameCache names, BooleanSupplier stopping,
            BulkWriter bulk) {
        this.index = index;
        this.documents = documents;
        this.names = names;
        this.stopping = stopping;
        this.bulk = bulk;
    }

    /** Every document again; with {@code recreate} into an empty index. Searches see the old state until the end. */
    long reindex(boolean recreate, SearchIndex.Progress progress) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long total = documents.count();
        if (recreate) {
            index.deleteAll();
        }
        long done = bulk.writeAll(after -> documents.listAfter(after, BATCH), recreate, names, written -> {
            if (progress != null) {
                progress.update(written, Math.max(total, written));
            }
        }, this::checkStopping);
        if (!recreate) {
            removeGone(index.ids());
        }
        index.commit();
        index.refresh();
        LOG.info("Indexed {} documents in {} ms", done, (System.nanoTime() - start) / 1_000_000);
        return done;
    }

    /** What changed while the index was not looking. */
    void catchUp() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Instant since = index.watermark();
        long updated = 0;
        if (since != null) {
            updated = bulk.writeAll(after -> documents.listModifiedSince(since, after, BATCH), false, names,
                    written -> { }, this::checkStopping);
        }
        int[] addedRemoved = reconcileIds(index.ids());
        index.commit();
        index.refresh();
        LOG.info("Search index caught up in {} ms: {} modified, {} missing added, {} removed",
                (System.nanoTime() - start) / 1_000_000, updated, addedRemoved[0], addedRemoved[1]);
    }

    /** Walks the database's ids and the index's side by side: adds what the index lacks, removes what the database lost. */
    private int[] reconcileIds(long[] indexed) throws IOException, InterruptedException {
        int added = 0;
        int removed = 0;
        int i = 0;
        long after = 0;
        List<Long> missing = new ArrayList<>();
        for (List<Long> batch = documents.idsAfter(after, BATCH * 10); !batch.isEmpty();
                batch = documents.idsAfter(after, BATCH * 10)) {
            checkStopping();
            for (long id : batch) {
                while (i < indexed.length && indexed[i] < id) {
                    index.delete(indexed[i++]);
                    removed++;
                }
                if (i < indexed.length && indexed[i] == id) {
                    i++;
                } else {
                    missing.add(id);
                }
            }
            after = batch.get(batch.size() - 1);
            added += addAll(missing);
            missing.clear();
        }
        while (i < indexed.length) {
            index.delete(indexed[i++]);
            removed++;
        }
        return new int[] {added, removed};
    }

    /** Missing ids come in runs (what was added while the index was stopped): one query per run of up to a batch. */
    private int addAll(List<Long> ids) throws IOException, InterruptedException {
        int added = 0;
        for (int i = 0; i < ids.size();) {
            int end = i + 1;
            while (end < ids.size() && end - i < BATCH && ids.get(end) == ids.get(end - 1) + 1) {
                end++;
            }
            long last = ids.get(end - 1);
            List<Document> run = documents.listAfter(ids.get(i) - 1, end - i).stream()
                    .filter(document -> document.id() <= last).toList();
            bulk.write(run, names, false);
            added += run.size();
            i = end;
        }
        return added;
    }

    private void removeGone(long[] indexed) throws IOException, InterruptedException {
        reconcileIds(indexed);
    }

    private void checkStopping() throws InterruptedException {
        if (stopping.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("the search index is stopping");
        }
    }
}
