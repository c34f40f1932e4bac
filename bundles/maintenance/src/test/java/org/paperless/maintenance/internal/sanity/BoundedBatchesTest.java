package org.paperless.maintenance.internal.sanity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.Document;
import org.paperless.api.maintenance.SanityReport;

/**
 * 2,000 documents pass through while the check holds at most two batches: the documents handed out by
 * the database and not yet checked never exceed twice the batch size, whatever the collection's size.
 */
class BoundedBatchesTest {

    private static final int DOCUMENTS = 2_000;
    private static final int BATCH = 100;

    @TempDir
    Path temp;

    @Test
    void documentsAreHeldAtMostTwoBatchesAtATime() throws IOException {
        MediaFixture media = new MediaFixture(temp);
        for (long id = 1; id <= DOCUMENTS; id++) {
            media.add(id, id % 2 == 0, "text " + id);
        }
        BatchSource database = media.batches(BATCH);
        AtomicLong handedOut = new AtomicLong();
        AtomicLong checked = new AtomicLong();
        AtomicLong mostInFlight = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        BatchSource counting = after -> {
            reads.incrementAndGet();
            List<Document> batch = database.after(after);
            long inFlight = handedOut.addAndGet(batch.size()) - checked.get();
            mostInFlight.accumulateAndGet(inFlight, Math::max);
            return batch;
        };
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            SanityReport report = new SanityCheck(MediaLayout.under(temp), pool).run(counting, DOCUMENTS,
                    (done, total) -> checked.set(done));

            assertEquals(List.of(), report.messages());
            assertEquals(DOCUMENTS, report.documents());
            assertEquals(DOCUMENTS * 2 + DOCUMENTS / 2, report.files());
            assertEquals(DOCUMENTS / BATCH + 1, reads.get(), "one read per batch and the empty one at the end");
            assertTrue(mostInFlight.get() <= 2 * BATCH, "held at once: " + mostInFlight.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
