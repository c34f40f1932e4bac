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

    Maintenance(LuceneIndex index, DocumentRepository documents, NameCache names, BooleanSupplier stopping) {
        this.index = index;
        this.documents = documents;
        this.names = names;
        this.stopping = stopping;
    }

    /** Every document again; with {@code recreate} into an empty index. Searches see the old state until the end. */
    long reindex(boolean recreate, SearchIndex.Progress progress) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long total = documents.count();
        if (recreate) {
            index.deleteAll();
        }
        Names current = names.fresh();
        long done = 0;
        long after = 0;
        for (List<Document> batch = documents.listAfter(after, BATCH); !batch.isEmpty();
                batch = documents.listAfter(after, BATCH)) {
            checkStopping();
            for (Document document : batch) {
                index.upsert(document, current.cover(document) ? current : (current = names.fresh()));
            }
            after = batch.get(batch.size() - 1).id();
            done += batch.size();
            if (progress != null) {
                progress.update(done, Math.max(total, done));
            }
        }
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
        Names current = names.fresh();
        int updated = 0;
        if (since != null) {
            long after = 0;
            for (List<Document> batch = documents.listModifiedSince(since, after, BATCH); !batch.isEmpty();
                    batch = documents.listModifiedSince(since, after, BATCH)) {
                checkStopping();
                for (Document document : batch) {
                    index.upsert(document, current);
                }
                updated += batch.size();
                after = batch.get(batch.size() - 1).id();
            }
        }
        int[] addedRemoved = reconcileIds(index.ids(), current);
        index.commit();
        index.refresh();
        LOG.info("Search index caught up in {} ms: {} modified, {} missing added, {} removed",
                (System.nanoTime() - start) / 1_000_000, updated, addedRemoved[0], addedRemoved[1]);
    }

    /** Walks the database's ids and the index's side by side: adds what the index lacks, removes what the database lost. */
    private int[] reconcileIds(long[] indexed, Names current) throws IOException, InterruptedException {
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
            added += addAll(missing, current);
            missing.clear();
        }
        while (i < indexed.length) {
            index.delete(indexed[i++]);
            removed++;
        }
        return new int[] {added, removed};
    }

    /** Missing ids come in runs (what was added while the index was stopped): one query per run of up to a batch. */
    private int addAll(List<Long> ids, Names current) throws IOException {
        int added = 0;
        for (int i = 0; i < ids.size();) {
            int end = i + 1;
            while (end < ids.size() && end - i < BATCH && ids.get(end) == ids.get(end - 1) + 1) {
                end++;
            }
            long first = ids.get(i);
            long last = ids.get(end - 1);
            for (Document document : documents.listAfter(first - 1, end - i)) {
                if (document.id() <= last) {
                    index.upsert(document, current.cover(document) ? current : (current = names.fresh()));
                    added++;
                }
            }
            i = end;
        }
        return added;
    }

    private void removeGone(long[] indexed) throws IOException, InterruptedException {
        reconcileIds(indexed, names.get());
    }

    private void checkStopping() throws InterruptedException {
        if (stopping.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("the search index is stopping");
        }
    }
}
