package org.paperless.index.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.Document;

/** A walk over many documents into a real index, on several threads at once. */
class BulkWriterTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final int THREADS = 3;

    @TempDir
    Path dir;
    LuceneIndex index;
    ThreadPoolExecutor pool;
    BulkWriter bulk;
    final List<Long> askedAfter = new CopyOnWriteArrayList<>();
    final Names names = new Names(Map.of(1L, "Stadtwerke"), Map.of(1L, "Invoice"), Map.of(), Map.of(1L, "Tax"));
    int namesRead;

    @BeforeEach
    void open() throws Exception {
        index = LuceneIndex.open(dir.resolve("index"), ZoneId.of("UTC"));
        pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(THREADS);
        bulk = new BulkWriter(index, pool, THREADS);
    }

    @AfterEach
    void close() throws Exception {
        pool.shutdownNow();
        index.close();
    }

    private NameCache nameCache() {
        return new NameCache(() -> {
            namesRead++;
            return names;
        });
    }

    private static Document document(long id, String word) {
        return new Document(id, "Document " + id, "The " + word + " of document number " + id, 1L, 1L, null,
                Set.of(1L), LocalDate.of(2024, 1, 1), START.plusSeconds(id), START, null, null, null, null, null,
                null, null, 1, null, List.of(), List.of());
    }

    /** Documents 1..count in batches of 100, each asked for by the last id of the batch before. */
    private BulkWriter.Source documents(long count, String word) {
        return after -> {
            askedAfter.add(after);
            return LongStream.rangeClosed(after + 1, Math.min(count, after + 100)).mapToObj(id -> document(id, word))
                    .toList();
        };
    }

    private long matches(String word) throws Exception {
        var query = new PaperlessQueryParser(index.analyzer(), LocalDate.of(2024, 1, 1)).parse(word);
        return index.search(s -> Searches.search(s, index.analyzer(), query, 0, 1)).total();
    }

    @Test
    void writesEveryDocumentOnceWithTheWatermarkOfTheLatest() throws Exception {
        List<Long> progress = Collections.synchronizedList(new ArrayList<>());
        long written = bulk.writeAll(documents(2345, "invoice"), true, nameCache(), progress::add, () -> { });
        index.refresh();
        assertEquals(2345, written);
        assertEquals(LongStream.rangeClosed(1, 2345).boxed().toList(), LongStream.of(index.ids()).boxed().toList());
        assertEquals(START.plusSeconds(2345), index.watermark());
        assertEquals(2345, matches("invoice"));
        List<Long> expected = new ArrayList<>(LongStream.rangeClosed(0, 23).map(b -> b * 100).boxed().toList());
        expected.add(2345L);
        assertEquals(expected, askedAfter, "read one batch after the other, in id order, up to the empty one");
        assertEquals(List.of(100L, 2345L), List.of(progress.get(0), progress.get(progress.size() - 1)));
        assertEquals(1, namesRead, "names read once, they cover every document");
    }

    @Test
    void replacesWhatTheIndexHeldWhenItWasNotEmptied() throws Exception {
        bulk.writeAll(documents(250, "reminder"), true, nameCache(), n -> { }, () -> { });
        bulk.writeAll(documents(250, "receipt"), false, nameCache(), n -> { }, () -> { });
        index.refresh();
        assertEquals(250, index.ids().length);
        assertEquals(0, matches("reminder"));
        assertEquals(250, matches("receipt"));
    }

    @Test
    void aFailedReadEndsTheWalk() throws Exception {
        BulkWriter.Source failing = after -> {
            if (after >= 300) {
                throw new IllegalStateException("the database went away");
            }
            return documents(1000, "letter").after(after);
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> bulk.writeAll(failing, true, nameCache(), n -> { }, () -> { }));
        assertEquals("the database went away", e.getMessage());
        index.refresh();
        assertEquals(300, index.ids().length);
    }

    @Test
    void aFailedWriteEndsTheWalkOnlyOnceTheReadAheadIsBack() throws Exception {
        AtomicInteger reading = new AtomicInteger();
        BulkWriter.Source source = after -> {
            reading.incrementAndGet();
            try {
                if (after == 100) {
                    // A term longer than Lucene takes: the batch read before this one fails to be written.
                    Document immense = new Document(150L, "Immense", "text", null, null, null, Set.of(), null, START,
                            START, "x".repeat(40_000), null, null, null, null, null, null, 1, null, List.of(), List.of());
                    List<Document> batch = new ArrayList<>(documents(200, "letter").after(after));
                    batch.set(49, immense);
                    return batch;
                }
                if (after == 200) {
                    Thread.sleep(300);
                }
                return documents(1000, "letter").after(after);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                reading.decrementAndGet();
            }
        };
        assertThrows(IllegalArgumentException.class, () -> bulk.writeAll(source, true, nameCache(), n -> { }, () -> { }));
        assertEquals(0, reading.get(), "the read started before the failure is over when the walk returns");
    }

    @Test
    void aStopBetweenBatchesEndsTheWalk() throws Exception {
        List<Long> progress = new ArrayList<>();
        assertThrows(InterruptedException.class, () -> bulk.writeAll(documents(1000, "letter"), true, nameCache(),
                progress::add, () -> {
                    if (progress.size() == 2) {
                        throw new InterruptedException("stopping");
                    }
                }));
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        index.refresh();
        assertEquals(200, index.ids().length);
    }

    @Test
    void namesAreReadAgainWhenADocumentNamesOneTheyLack() throws Exception {
        Document newTag = new Document(7L, "Tagged later", "A letter with a new tag", null, null, null, Set.of(2L),
                null, START, START, null, null, null, null, null, null, null, 1, null, List.of(), List.of());
        List<Names> loaded = new ArrayList<>(List.of(names,
                new Names(Map.of(), Map.of(), Map.of(), Map.of(1L, "Tax", 2L, "Holiday"))));
        NameCache cache = new NameCache(() -> loaded.size() > 1 ? loaded.remove(0) : loaded.get(0));
        bulk.write(List.of(newTag), cache, true);
        index.refresh();
        assertEquals(1, matches("tag:holiday"));
    }
}
