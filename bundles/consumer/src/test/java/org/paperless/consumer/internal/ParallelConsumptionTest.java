package org.paperless.consumer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.Document;
import org.paperless.api.consumer.ConsumeOverrides;
import org.paperless.api.consumer.DocumentConsumer.Outcome;
import org.paperless.api.consumer.DocumentConsumer.Request;
import org.paperless.api.consumer.ConsumptionException;
import org.paperless.api.consumer.ConsumptionPause;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;
import org.paperless.api.storage.MediaArea;

/** Files read side by side, stored in the order they arrived, each failing or succeeding on its own. */
class ParallelConsumptionTest {

    @TempDir
    Path dir;

    @Test
    void twoFilesReadAtOnceAreStoredInTheOrderTheyArrived() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        CountDownLatch secondRead = new CountDownLatch(1);
        List<String> parsedInOrder = new CopyOnWriteArrayList<>();
        ConsumerComponent consumer = paperless.start(2, (file, mime) -> {
            String text = read(file);
            if (text.startsWith("First")) {
                // Still being read when the second file is done: the two were read side by side.
                assertTrue(await(secondRead), "the second file was not read while the first one was");
                parsedInOrder.add(text);
            } else {
                parsedInOrder.add(text);
                secondRead.countDown();
            }
            return new ParsedDocument(text, 1, null, null);
        }, "text/plain");
        Path first = Files.writeString(dir.resolve("first.txt"), "First letter, a long one");
        Path second = Files.writeString(dir.resolve("second.txt"), "Second letter, a short one");

        List<Outcome> outcomes = consumeAll(consumer, first, second);

        assertEquals(List.of("Second letter, a short one", "First letter, a long one"), parsedInOrder);
        assertEquals(first, outcomes.get(0).file());
        assertEquals(1L, outcomes.get(0).document().id(), "the file given first gets the first id");
        assertEquals(2L, outcomes.get(1).document().id());
        assertEquals("first.txt", paperless.documents.find(1).orElseThrow().originalFilename());
        assertFalse(Files.exists(first));
        assertFalse(Files.exists(second));
    }

    @Test
    void aDocumentWhoseFilesAreSlowToWriteKeepsItsIdWhileTheNextOneIsStored() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        ConsumerComponent consumer = paperless.start(2, (file, mime) -> new ParsedDocument(read(file), 1, null, null),
                "text/plain");
        paperless.beforeWrite = (area, name) -> {
            if (name.equals("0000001.txt")) {
                // The disk is slow for the first document: the second is numbered, written and committed meanwhile.
                long deadline = System.currentTimeMillis() + 10_000;
                while (paperless.documents.find(2).isEmpty() && System.currentTimeMillis() < deadline) {
                    sleep(10);
                }
            }
        };
        Path first = Files.writeString(dir.resolve("first.txt"), "First letter");
        Path second = Files.writeString(dir.resolve("second.txt"), "Second letter");

        List<Outcome> outcomes = consumeAll(consumer, first, second);

        assertEquals(1L, outcomes.get(0).document().id());
        assertEquals(2L, outcomes.get(1).document().id());
        assertEquals(List.of(2L, 1L), paperless.documents.stored.stream().map(Document::id).toList(),
                "the second document was committed while the first one's files were still being written");
        assertEquals("First letter", Files.readString(paperless.media.resolve(MediaArea.ORIGINALS, "0000001.txt")));
        assertEquals("Second letter", Files.readString(paperless.media.resolve(MediaArea.ORIGINALS, "0000002.txt")));
    }

    @Test
    void ofTwoIdenticalFilesReadAtOnceTheFirstIsStoredAndTheSecondRefusedAsItsDuplicate() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        CountDownLatch bothReading = new CountDownLatch(2);
        ConsumerComponent consumer = paperless.start(2, (file, mime) -> {
            bothReading.countDown();
            // Both passed the early duplicate check: only the one in the store step can tell.
            assertTrue(await(bothReading), "the two files were not read at the same time");
            return new ParsedDocument(read(file), 1, null, null);
        }, "text/plain");
        Path scan = Files.writeString(dir.resolve("scan.txt"), "The same invoice, scanned twice");
        Path again = Files.writeString(dir.resolve("scan-again.txt"), "The same invoice, scanned twice");

        List<Outcome> outcomes = consumeAll(consumer, scan, again);

        assertEquals(1L, outcomes.get(0).document().id());
        assertNull(outcomes.get(1).document());
        assertTrue(outcomes.get(1).failure().getMessage().contains("duplicate of document 1"), outcomes.get(1).failure().getMessage());
        assertEquals(1, paperless.documents.count());
        assertTrue(Files.readString(paperless.failed("scan-again.txt.reason.txt")).contains("duplicate of document 1"));
        assertEquals("The same invoice, scanned twice", Files.readString(paperless.failed("scan-again.txt")));
        try (var originals = Files.list(paperless.media.resolve(MediaArea.ORIGINALS, ""))) {
            assertEquals(1, originals.count(), "one original, no stray file of the refused one");
        }
        try (var journal = Files.list(paperless.data.resolve("tmp/journal"))) {
            assertEquals(0, journal.count(), "the refused file left no journal entry");
        }
    }

    @Test
    void aFileThatFailsWhileAnotherIsReadLeavesTheOtherAlone() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        CountDownLatch letterReading = new CountDownLatch(1);
        CountDownLatch brokenFailed = new CountDownLatch(1);
        ConsumerComponent consumer = paperless.start(2, (file, mime) -> {
            String text = read(file);
            if (text.startsWith("BROKEN")) {
                assertTrue(await(letterReading));
                brokenFailed.countDown();
                throw new ParseException("The file is damaged and cannot be read");
            }
            letterReading.countDown();
            assertTrue(await(brokenFailed), "the broken file did not fail while the letter was read");
            return new ParsedDocument(text, 1, null, null);
        }, "text/plain");
        Path broken = Files.writeString(dir.resolve("broken.txt"), "BROKEN bytes");
        Path letter = Files.writeString(dir.resolve("letter.txt"), "Dear customer");

        List<Outcome> outcomes = consumeAll(consumer, broken, letter);

        assertTrue(outcomes.get(0).failure().getMessage().contains("damaged"), outcomes.get(0).failure().getMessage());
        assertEquals(paperless.failed("broken.txt"), outcomes.get(0).failure().keptAt());
        assertTrue(Files.readString(paperless.failed("broken.txt.reason.txt")).contains("damaged and cannot be read"));
        Document stored = outcomes.get(1).document();
        assertEquals(1L, stored.id());
        assertEquals("Dear customer", stored.content());
        assertFalse(Files.exists(letter));
        assertFalse(Files.exists(paperless.failed("letter.txt")));
        try (var staged = Files.list(paperless.data.resolve("tmp/consume"))) {
            assertEquals(0, staged.count(), "no staged copy left behind");
        }
    }

    @Test
    void withParallelismOneFilesAreReadOneAtATimeAsBefore() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        AtomicInteger reading = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ConsumerComponent consumer = paperless.start(1, (file, mime) -> {
            mostAtOnce.accumulateAndGet(reading.incrementAndGet(), Math::max);
            sleep(50);
            reading.decrementAndGet();
            return new ParsedDocument(read(file), 1, null, null);
        }, "text/plain");
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            files.add(Files.writeString(dir.resolve("letter-" + i + ".txt"), "Letter number " + i));
        }

        List<Outcome> outcomes = consumeAll(consumer, files.toArray(new Path[0]));

        assertEquals(1, mostAtOnce.get(), "never two files read at once");
        for (int i = 0; i < files.size(); i++) {
            assertEquals(i + 1L, outcomes.get(i).document().id());
            assertEquals("Letter number " + (i + 1), paperless.documents.find(i + 1).orElseThrow().content());
        }
    }

    @Test
    void aFullBatchIsReadAtMostParallelismAtATimeAndStoredInItsOrder() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        AtomicInteger reading = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ConsumerComponent consumer = paperless.start(2, (file, mime) -> {
            mostAtOnce.accumulateAndGet(reading.incrementAndGet(), Math::max);
            String text = read(file);
            // Earlier files take longer: left to themselves, later ones would be done first.
            sleep(10 * (12 - Integer.parseInt(text.replaceAll("\\D", ""))));
            reading.decrementAndGet();
            if (text.endsWith(" 7")) {
                throw new ParseException("Number 7 cannot be read");
            }
            return new ParsedDocument(text, 1, null, null);
        }, "text/plain");
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            files.add(Files.writeString(dir.resolve(String.format("page-%02d.txt", i)), "Page " + i));
        }

        List<Outcome> outcomes = consumeAll(consumer, files.toArray(new Path[0]));

        assertEquals(2, mostAtOnce.get(), "two files read at once, never more");
        List<String> stored = paperless.documents.stored.stream().sorted(java.util.Comparator.comparing(Document::id))
                .map(Document::content).toList();
        assertEquals(List.of("Page 1", "Page 2", "Page 3", "Page 4", "Page 5", "Page 6", "Page 8", "Page 9", "Page 10"), stored);
        for (int i = 0; i < outcomes.size(); i++) {
            assertEquals(files.get(i), outcomes.get(i).file(), "outcomes come in the order of the files");
        }
        assertTrue(outcomes.get(6).failure().getMessage().contains("Number 7"));
    }

    @Test
    void eachFileOfABatchGetsItsOwnOverridesAndTheBatchKeepsItsOrder() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        ConsumerComponent consumer = paperless.start(2, (file, mime) -> {
            String text = read(file);
            // Earlier files take longer: left to themselves, later ones would be done first.
            sleep(10 * (7 - Integer.parseInt(text.replaceAll("\\D", ""))));
            return new ParsedDocument(text, 1, null, null);
        }, "text/plain");
        List<Request> requests = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            Path file = Files.writeString(dir.resolve("letter-" + i + ".txt"), "Letter " + i);
            requests.add(new Request(file, new ConsumeOverrides("Title of letter " + i, null, null, List.of())));
        }
        List<Outcome> outcomes = new ArrayList<>();

        consumer.consumeEach(requests, outcomes::add);

        assertEquals(6, outcomes.size());
        for (int i = 0; i < requests.size(); i++) {
            assertEquals(requests.get(i).file(), outcomes.get(i).file(), "outcomes come in the order of the requests");
            assertEquals(i + 1L, outcomes.get(i).document().id(), "stored in the order of the requests");
            Document stored = paperless.documents.find(i + 1).orElseThrow();
            assertEquals("Letter " + (i + 1), stored.content());
            assertEquals("Title of letter " + (i + 1), stored.title(), "each file has its own title");
        }
    }

    @Test
    void aPauseWaitsForEveryFileInFlightThenHoldsTheRest() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        CountDownLatch reading = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ConsumerComponent consumer = paperless.start(2, (file, mime) -> {
            reading.countDown();
            assertTrue(await(release));
            return new ParsedDocument(read(file), 1, null, null);
        }, "text/plain");
        Path a = Files.writeString(dir.resolve("a.txt"), "Letter A");
        Path b = Files.writeString(dir.resolve("b.txt"), "Letter B");
        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        Thread batch = new Thread(() -> {
            try {
                consumer.consumeAll(List.of(a, b), null, outcomes::add);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        batch.start();
        assertTrue(reading.await(10, TimeUnit.SECONDS));

        AtomicLong storedWhenPaused = new AtomicLong(-1);
        Thread importing = new Thread(() -> {
            try (ConsumptionPause.Held held = consumer.pause("an import runs", Duration.ofSeconds(10))) {
                storedWhenPaused.set(paperless.documents.count());
                Path c = Files.writeString(dir.resolve("c.txt"), "Letter C");
                ConsumptionException refused = assertThrows(ConsumptionException.class, () -> consumer.consume(c, null));
                assertTrue(refused.getMessage().contains("paused while an import runs"));
            } catch (InterruptedException | IOException e) {
                throw new IllegalStateException(e);
            }
        });
        importing.start();
        Thread.sleep(200);
        assertEquals(-1, storedWhenPaused.get(), "the pause waits for both files being read");
        release.countDown();
        importing.join(10_000);
        batch.join(10_000);
        assertEquals(2, storedWhenPaused.get());
        assertEquals(2, outcomes.size());
        assertTrue(Files.exists(dir.resolve("c.txt")), "the file given during the pause stays where it is");
    }

    @Test
    void aConsumerGoingAwayFinishesTheFilesInFlightAndTakesNoMore() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        CountDownLatch reading = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ConsumerComponent consumer = paperless.start(2, (file, mime) -> {
            reading.countDown();
            assertTrue(await(release));
            return new ParsedDocument(read(file), 1, null, null);
        }, "text/plain");
        Path a = Files.writeString(dir.resolve("a.txt"), "Letter A");
        Path b = Files.writeString(dir.resolve("b.txt"), "Letter B");
        Thread batch = new Thread(() -> {
            try {
                consumer.consumeAll(List.of(a, b), null, outcome -> { });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        batch.start();
        assertTrue(reading.await(10, TimeUnit.SECONDS));

        Thread stopping = new Thread(() -> {
            try {
                consumer.deactivate();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopping.start();
        stopping.join(300);
        assertTrue(stopping.isAlive(), "deactivation waits for the files being read");
        Path late = Files.writeString(dir.resolve("late.txt"), "Too late");
        ConsumptionException refused = assertThrows(ConsumptionException.class, () -> consumer.consume(late, null));
        assertTrue(refused.getMessage().contains("the consumer restarts"), refused.getMessage());

        release.countDown();
        stopping.join(10_000);
        assertFalse(stopping.isAlive());
        assertEquals(2, paperless.documents.count(), "both files in flight were stored");
        assertTrue(Files.exists(late));
        try (var journal = Files.list(paperless.data.resolve("tmp/journal"))) {
            assertEquals(0, journal.count(), "nothing left for the next start to recover");
        }
        // The next component (a restart, a configuration change) takes over where this one stopped.
        ConsumerComponent next = paperless.start(2, (file, mime) -> new ParsedDocument(read(file), 1, null, null), "text/plain");
        assertEquals(3L, next.consume(late, null).id());
    }

    @Test
    void parallelismComesFromTheKeyThenPaperlessTaskWorkersThenTheCores() {
        assertEquals(3, ConsumptionPool.parallelism(TestInstance.config(Map.of("parallelism", "3")),
                Map.of("PAPERLESS_TASK_WORKERS", "5")));
        assertEquals(5, ConsumptionPool.parallelism(TestInstance.config(Map.of()), Map.of("PAPERLESS_TASK_WORKERS", "5")));
        assertEquals(Runtime.getRuntime().availableProcessors(),
                ConsumptionPool.parallelism(TestInstance.config(Map.of()), Map.of()));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> ConsumptionPool.parallelism(TestInstance.config(Map.of()), Map.of("PAPERLESS_TASK_WORKERS", "0")));
        assertTrue(zero.getMessage().contains("PAPERLESS_TASK_WORKERS"), zero.getMessage());
    }

    private static List<Outcome> consumeAll(ConsumerComponent consumer, Path... files)
            throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        consumer.consumeAll(List.of(files), null, outcomes::add);
        assertEquals(files.length, outcomes.size());
        return outcomes;
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
