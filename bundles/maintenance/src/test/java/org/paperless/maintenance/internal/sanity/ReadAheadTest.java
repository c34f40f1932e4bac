package org.paperless.maintenance.internal.sanity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.Document;
import org.paperless.api.storage.MediaArea;

/** The read-ahead stays a bounded stretch ahead of the checks and skips what they have begun. */
class ReadAheadTest {

    @TempDir
    Path dir;

    @Test
    void readsAtMostItsStretchAheadAndSkipsWhatTheChecksBegan() throws Exception {
        MediaFixture fixture = new MediaFixture(dir);
        List<Document> batch = new ArrayList<>();
        for (long id = 1; id <= 200; id++) {
            batch.add(fixture.add(id));
        }
        Set<Long> originalsRead = new ConcurrentSkipListSet<>();
        MediaLayout media = new MediaLayout(dir, (area, name) -> {
            if (area == MediaArea.ORIGINALS) {
                originalsRead.add(Long.parseLong(name.substring(0, 7)));
            }
            return dir.resolve(area.folder()).resolve(name);
        });
        AtomicInteger started = new AtomicInteger();
        ReadAhead readAhead = new ReadAhead(media, batch, started);
        Thread thread = new Thread(readAhead);
        thread.start();
        try {
            waitFor(() -> originalsRead.size() == ReadAhead.AHEAD + 1);
            Thread.sleep(200);
            assertEquals(ReadAhead.AHEAD + 1, originalsRead.size(), "documents 1 to AHEAD + 1, and no further");
            assertTrue(originalsRead.contains(1L));

            started.set(100); // the checks have begun 100 documents, read ahead or not
            waitFor(() -> originalsRead.contains(101L + ReadAhead.AHEAD));
            Thread.sleep(200);
            assertFalse(originalsRead.contains(60L), "a document the checks have begun is not read again");
            assertTrue(originalsRead.contains(101L), "reading goes on right after what the checks began");
            assertFalse(originalsRead.contains(102L + ReadAhead.AHEAD), "still at most AHEAD beyond the checks");

            started.set(batch.size());
            thread.join(5000);
            assertFalse(thread.isAlive(), "it ends with the batch");
        } finally {
            readAhead.stop();
            thread.join(5000);
        }
    }

    @Test
    void stopsWhenTold() throws Exception {
        MediaFixture fixture = new MediaFixture(dir);
        List<Document> batch = new ArrayList<>();
        for (long id = 1; id <= 100; id++) {
            batch.add(fixture.add(id));
        }
        ReadAhead readAhead = new ReadAhead(MediaLayout.under(dir), batch, new AtomicInteger());
        Thread thread = new Thread(readAhead);
        thread.start();
        Thread.sleep(100); // waiting for checks that never begin
        assertTrue(thread.isAlive());
        readAhead.stop();
        thread.join(5000);
        assertFalse(thread.isAlive(), "a stopped read-ahead does not wait for the checks");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
