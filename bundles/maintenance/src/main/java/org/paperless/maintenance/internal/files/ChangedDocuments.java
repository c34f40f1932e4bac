package org.paperless.maintenance.internal.files;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ids of changed documents, gathered and handed on in batches by one thread of its own: the retagger
 * changes tens of thousands at once, and the event thread must not wait for files to move.
 */
final class ChangedDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(ChangedDocuments.class);
    private static final int BATCH = 100;

    private final Set<Long> pending = new LinkedHashSet<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "paperless-renamer"));
    private final Consumer<List<Long>> handler;
    private boolean scheduled;

    ChangedDocuments(Consumer<List<Long>> handler) {
        this.handler = handler;
    }

    synchronized void add(long id) {
        pending.add(id);
        if (!scheduled) {
            scheduled = true;
            worker.execute(this::drain);
        }
    }

    private void drain() {
        for (List<Long> batch = next(); !batch.isEmpty(); batch = next()) {
            try {
                handler.accept(batch);
            } catch (RuntimeException e) {
                LOG.warn("Filing changed documents anew failed: {}", e.toString());
            }
        }
    }

    private synchronized List<Long> next() {
        List<Long> batch = new ArrayList<>(BATCH);
        var it = pending.iterator();
        while (it.hasNext() && batch.size() < BATCH) {
            batch.add(it.next());
            it.remove();
        }
        if (batch.isEmpty()) {
            scheduled = false;
        }
        return batch;
    }

    void close() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }
}
