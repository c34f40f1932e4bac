package org.paperless.storage.internal.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperless.storage.internal.jpa.StoredDocuments.consumed;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperless.api.Document;
import org.paperless.storage.internal.testsupport.DatabaseTestBase;
import org.paperless.storage.internal.testsupport.Engine;

/**
 * Documents created the way the consumer stores them with two workers: in the order of arrival, each one
 * passing the turn from inside its file step, so the next INSERT runs while the previous transaction is still
 * open (its files being written, its file names not yet set), while the index reads documents.
 */
abstract class ConcurrentCreateCases extends DatabaseTestBase {

    private StoredDocuments stored;

    ConcurrentCreateCases(Engine engine) {
        super(engine);
    }

    @BeforeEach
    void setUp() throws Exception {
        stored = new StoredDocuments(db.dataSource(), tempDir);
    }

    @AfterEach
    void tearDown() {
        if (stored != null) {
            stored.close();
        }
    }

    @Test
    void theNextDocumentIsInsertedWhileThePreviousOneIsStillWritingItsFiles() throws Exception {
        CountDownLatch secondInserted = new CountDownLatch(1);
        CountDownLatch firstCommitted = new CountDownLatch(1);
        CompletableFuture<Document> second = new CompletableFuture<>();

        Document first = stored.repository.create(consumed(1), withId -> {
            new Thread(() -> {
                try {
                    second.complete(stored.repository.create(consumed(2), next -> {
                        secondInserted.countDown();
                        await(firstCommitted);
                        return next.withFilenames("0000002.pdf", "0000002.pdf");
                    }));
                } catch (RuntimeException e) {
                    second.completeExceptionally(e);
                }
            }).start();
            // Neither the unique indexes over the still empty file names nor anything else makes it wait.
            assertTrue(await(secondInserted), "the next INSERT waited for the open transaction before it");
            return withId.withFilenames("0000001.pdf", "0000001.pdf");
        });
        firstCommitted.countDown();

        Document next = second.get(30, TimeUnit.SECONDS);
        assertTrue(first.id() < next.id());
        assertEquals("0000001.pdf", stored.repository.get(first.id()).archiveFilename());
        assertEquals("0000002.pdf", stored.repository.get(next.id()).filename());
    }

    /**
     * New statistics make Derby recompile the statements on the table and start a new block of identity
     * values at once: without a retry, several of these documents failed with 40XL1 on their INSERT.
     */
    @Test
    void documentsStoredSideBySideWhileTheyAreReadAndTheirStatisticsChangeAreAllStoredInOrder() throws Exception {
        int count = 150;
        ArrivalTurns turns = new ArrivalTurns();
        AtomicInteger tickets = new AtomicInteger();
        long[] ids = new long[count];
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean storing = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int worker = 0; worker < 2; worker++) {
            threads.add(new Thread(() -> {
                for (int ticket = tickets.getAndIncrement(); ticket < count; ticket = tickets.getAndIncrement()) {
                    int mine = ticket;
                    turns.await(mine);
                    try {
                        ids[mine] = stored.repository.create(consumed(mine), withId -> {
                            turns.pass(mine);
                            pause(2); // its files are written
                            String name = String.format("%07d.pdf", withId.id());
                            return withId.withFilenames(name, name);
                        }).id();
                    } catch (RuntimeException e) {
                        failures.add("document " + mine + ": " + deepest(e));
                    } finally {
                        turns.pass(mine);
                    }
                }
            }));
        }
        Thread index = new Thread(() -> readAll(storing, failures));
        Thread statistics = new Thread(() -> refreshStatistics(storing, failures));
        threads.forEach(Thread::start);
        index.start();
        statistics.start();
        for (Thread t : threads) {
            t.join();
        }
        storing.set(false);
        index.join();
        statistics.join();

        assertEquals(List.of(), failures);
        assertEquals(count, stored.repository.count());
        for (int i = 1; i < count; i++) {
            assertTrue(ids[i - 1] < ids[i], "ids follow the order of arrival: " + ids[i - 1] + ", " + ids[i]);
        }
    }

    /** What the index does meanwhile: every new document read, in batches, and each one found again. */
    private void readAll(AtomicBoolean storing, List<String> failures) {
        long after = 0;
        while (storing.get()) {
            try {
                for (Document d : stored.repository.listAfter(after, 50)) {
                    stored.repository.find(d.id());
                    after = d.id();
                }
            } catch (RuntimeException e) {
                failures.add("reading: " + deepest(e));
            }
        }
    }

    /** What Derby's statistics daemon does now and then as the table grows; ANALYZE on PostgreSQL. */
    private void refreshStatistics(AtomicBoolean storing, List<String> failures) {
        String sql = engine == Engine.DERBY ? "CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'DOCUMENT', NULL)"
                : "ANALYZE document";
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            while (storing.get()) {
                s.execute(sql);
                pause(50);
            }
        } catch (Exception e) {
            failures.add("statistics: " + e);
        }
    }

    private static String deepest(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.toString();
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The consumer's order of arrival, reduced to its turns. */
    private static final class ArrivalTurns {
        private int next;

        synchronized void await(int ticket) {
            while (next != ticket) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        synchronized void pass(int ticket) {
            if (next == ticket) {
                next++;
                notifyAll();
            }
        }
    }
}
