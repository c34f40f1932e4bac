package org.paperless.index.lucene.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

import org.paperless.api.Document;

/**
 * Every document of a walk over the database into the index, on all cores: the next batch is read while
 * this one is indexed, and the indexing threads share each batch (Lucene's writer takes documents from
 * several threads at once). Read and indexed one after the other on one thread, a reindex spent a
 * tenth of its time waiting for the database and left the other cores idle.
 */
final class BulkWriter {

    /** One batch of a walk in id order: the documents after the given id, none at the end. */
    @FunctionalInterface
    interface Source {
        List<Document> after(long id);
    }

    /** Throws when the walk must stop. */
    @FunctionalInterface
    interface Check {
        void check() throws InterruptedException;
    }

    private static final int MAX_THREADS = 4;
    /**
     * The threads take a batch's documents this many at a time until none is left, so that all finish together
     * (halves of a batch came apart by a sixth of the time: one half shared its core with the reading ahead).
     */
    private static final int CHUNK = 10;

    private final LuceneIndex index;
    private final ExecutorService pool;
    private final int threads;

    /**
     * @param pool runs the reading ahead and all indexing threads but the caller's: at least {@code threads}
     *     threads, so that neither waits for the other
     */
    BulkWriter(LuceneIndex index, ExecutorService pool, int threads) {
        this.index = index;
        this.pool = pool;
        this.threads = Math.max(1, threads);
    }

    /** As many indexing threads as there are cores, up to four: indexing is bound by the CPU. */
    static int threads() {
        return Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Indexes every document the source gives; {@code fresh} when the index was emptied first (nothing to
     * replace). Returns how many; {@code done} hears the count after each batch.
     */
    long writeAll(Source source, boolean fresh, NameCache names, LongConsumer done, Check stop)
            throws IOException, InterruptedException {
        Names current = names.fresh();
        long written = 0;
        Future<List<Document>> next = pool.submit(() -> source.after(0));
        try {
            for (List<Document> batch = result(next); !batch.isEmpty(); batch = result(next)) {
                stop.check();
                long last = batch.get(batch.size() - 1).id();
                next = pool.submit(() -> source.after(last));
                current = covering(current, batch, names);
                writeBatch(batch, current, fresh);
                written += batch.size();
                done.accept(written);
            }
            return written;
        } finally {
            finish(next);
        }
    }

    /** One batch, shared among the indexing threads; returns when all of it is written. */
    void write(List<Document> batch, NameCache names, boolean fresh) throws IOException, InterruptedException {
        writeBatch(batch, covering(names.get(), batch, names), fresh);
    }

    private void writeBatch(List<Document> batch, Names names, boolean fresh) throws IOException, InterruptedException {
        AtomicInteger taken = new AtomicInteger();
        int helpers = Math.min(threads, (batch.size() + CHUNK - 1) / CHUNK) - 1;
        List<Future<Void>> others = new ArrayList<>();
        for (int i = 0; i < helpers; i++) {
            others.add(pool.submit(() -> {
                share(batch, taken, names, fresh);
                return null;
            }));
        }
        try {
            share(batch, taken, names, fresh);
        } finally {
            for (Future<Void> other : others) {
                finish(other);
            }
        }
        for (Future<Void> other : others) {
            result(other);
        }
    }

    /** Takes the batch's next documents until none is left; after a failure the other threads stop too. */
    private void share(List<Document> batch, AtomicInteger taken, Names names, boolean fresh) throws IOException {
        try {
            for (int from = taken.getAndAdd(CHUNK); from < batch.size(); from = taken.getAndAdd(CHUNK)) {
                for (Document document : batch.subList(from, Math.min(batch.size(), from + CHUNK))) {
                    if (fresh) {
                        index.add(document, names);
                    } else {
                        index.upsert(document, names);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            taken.set(batch.size());
            throw e;
        }
    }

    /** Names read after the batch was cover all it names; read again only when the ones at hand fall short. */
    private static Names covering(Names current, List<Document> batch, NameCache names) {
        for (Document document : batch) {
            if (!current.cover(document)) {
                return names.fresh();
            }
        }
        return current;
    }

    /** Waits for work that was started, whatever became of it: nothing may write after the walk returned. */
    private static void finish(Future<?> work) throws InterruptedException {
        try {
            work.get();
        } catch (ExecutionException e) {
            // reported by result() where it matters; after another failure it is one too many
        }
    }

    private static <T> T result(Future<T> work) throws IOException, InterruptedException {
        try {
            return work.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }
}
