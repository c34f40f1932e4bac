package org.paperless.consumer.internal.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.consumer.ConsumptionException;
import org.paperless.api.consumer.ConsumptionPause;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParsedDocument;
import org.paperless.api.storage.TagRepository;
import org.paperless.consumer.internal.ConsumerComponent;
import org.paperless.consumer.internal.TestInstance;

/** An import pauses consumption: what is in flight finishes first, new files wait, nothing goes to failed/. */
class ConsumptionPauseTest {

    @TempDir
    Path dir;

    private ConsumeFolderWatcher watcher;

    @AfterEach
    void stop() throws Exception {
        if (watcher != null) {
            watcher.stop();
        }
    }

    @Test
    void filesWaitInTheFolderWhilePausedAndAreTakenAfterwards() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        ConsumerComponent consumer = paperless.start(text(null), "text/plain");
        watcher = new ConsumeFolderWatcher(consumer, TestInstance.empty(TagRepository.class), paperless.folders,
                TestInstance.config(Map.of("stableSeconds", "0.2", "rescanSeconds", "0.3")));
        ConsumptionPause.Held held = consumer.pause("an import runs", Duration.ofSeconds(5));
        Path letter = Files.writeString(paperless.consume.resolve("letter.txt"), "Dear customer");
        Path given = Files.writeString(dir.resolve("given.txt"), "From the console");

        ConsumptionException refused = assertThrows(ConsumptionException.class, () -> consumer.consume(given, null));
        assertTrue(refused.getMessage().contains("paused while an import runs"), refused.getMessage());
        assertTrue(Files.exists(given), "a file given on the console stays where it is");
        Thread.sleep(1500); // several scans, each finding the letter stable
        assertTrue(Files.exists(letter));
        assertEquals(0, paperless.documents.count());
        assertFalse(Files.exists(paperless.consume.resolve("failed")), "nothing was refused");

        held.close();
        // The row comes first, the source is removed after the commit.
        TestInstance.await("the letter is stored after the pause",
                () -> paperless.documents.count() == 1 && !Files.exists(letter));
        consumer.consume(given, null);
        assertEquals(2, paperless.documents.count());
    }

    @Test
    void aPauseWaitsForTheConsumptionInFlightAndGivesUpAfterItsTimeout() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        CountDownLatch parsing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ConsumerComponent consumer = paperless.start(text(() -> {
            parsing.countDown();
            await(release);
        }), "text/plain");
        Path slow = Files.writeString(dir.resolve("slow.txt"), "A long letter");
        Thread inFlight = new Thread(() -> consumer.consume(slow, null));
        inFlight.start();
        assertTrue(parsing.await(10, TimeUnit.SECONDS));

        IllegalStateException busy = assertThrows(IllegalStateException.class,
                () -> consumer.pause("an import runs", Duration.ofMillis(200)));
        assertTrue(busy.getMessage().contains("did not finish within"), busy.getMessage());
        Path other = Files.writeString(dir.resolve("other.txt"), "Not held: the pause gave up");
        Thread otherThread = new Thread(() -> consumer.consume(other, null));
        otherThread.start();
        otherThread.join(10_000);
        assertEquals(1, paperless.documents.count(), "the other file is stored while the slow one is in flight");

        AtomicLong storedWhenPaused = new AtomicLong(-1);
        Thread pausing = new Thread(() -> {
            try (ConsumptionPause.Held held = consumer.pause("an import runs", Duration.ofSeconds(10))) {
                storedWhenPaused.set(paperless.documents.count());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        pausing.start();
        Thread.sleep(200);
        release.countDown();
        pausing.join(10_000);
        inFlight.join(10_000);
        assertFalse(pausing.isAlive());
        assertEquals(2, storedWhenPaused.get(), "the pause began only after the slow file was stored");
    }

    @Test
    void aPauseInterruptedWhileWaitingLeavesConsumptionGoingOn() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        CountDownLatch parsing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ConsumerComponent consumer = paperless.start(text(() -> {
            parsing.countDown();
            await(release);
        }), "text/plain");
        Path slow = Files.writeString(dir.resolve("slow.txt"), "A long letter");
        Thread inFlight = new Thread(() -> consumer.consume(slow, null));
        inFlight.start();
        assertTrue(parsing.await(10, TimeUnit.SECONDS));
        Thread importing = new Thread(() -> {
            try {
                consumer.pause("an import runs", Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        importing.start();
        TestInstance.await("the import waits", () -> consumer.pausedFor() != null);
        importing.interrupt(); // Ctrl-C on paperless:import
        importing.join(10_000);
        release.countDown();
        inFlight.join(10_000);
        assertEquals(null, consumer.pausedFor(), "the interrupted pause holds nothing");
        Path next = Files.writeString(dir.resolve("next.txt"), "Consumed as usual");
        consumer.consume(next, null);
        assertEquals(2, paperless.documents.count());
    }

    private static DocumentParser text(Runnable whileParsing) {
        return (file, mime) -> {
            String text = read(file);
            if (whileParsing != null && text.startsWith("A long")) {
                whileParsing.run();
            }
            return new ParsedDocument(text, 1, null, null);
        };
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
