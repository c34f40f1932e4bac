package org.paperless.consumer.internal.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperless.consumer.internal.TestInstance.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.consumer.ConsumeFolderState;
import org.paperless.api.consumer.ConsumptionException;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParsedDocument;
import org.paperless.api.storage.TagRepository;
import org.paperless.consumer.internal.ConsumerComponent;
import org.paperless.consumer.internal.TestInstance;

/** One file that brings the parser down (out of memory, stack overflow) must not stop the consume folder. */
class WatcherKeepsGoingTest {

    /** Reads text files; some of them the way a PDF bomb or a deeply nested file is read. */
    private static final DocumentParser PARSER = (file, mime) -> {
        String text = read(file);
        if (text.contains("BOMB")) {
            throw new OutOfMemoryError("Java heap space");
        }
        if (text.contains("NESTED")) {
            return new ParsedDocument(String.valueOf(depth(0)), null, null, null);
        }
        return new ParsedDocument(text, 1, null, null);
    };

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
    void aFileThatExhaustsMemoryOrStackFailsAloneAndTheNextFilesAreConsumed() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        ConsumerComponent consumer = paperless.start(PARSER, "text/plain");
        // Sorted by name, the failing files come first in the same scan.
        Files.writeString(paperless.consume.resolve("a-bomb.txt"), "BOMB");
        Files.writeString(paperless.consume.resolve("b-nested.txt"), "NESTED");
        Files.writeString(paperless.consume.resolve("c-letter.txt"), "Dear customer");
        watcher = watch(paperless, consumer, TestInstance.empty(TagRepository.class));

        await("the letter is stored", () -> watcher.state().consumed() == 1);
        assertTrue(Files.readString(paperless.failed("a-bomb.txt.reason.txt")).contains("ran out of memory while reading it"));
        assertTrue(Files.readString(paperless.failed("b-nested.txt.reason.txt")).contains("nested too deeply"));
        assertEquals("BOMB", Files.readString(paperless.failed("a-bomb.txt")), "the file itself is kept");

        // The schedule lives on: a file put in later is taken too.
        Files.writeString(paperless.consume.resolve("d-later.txt"), "Another letter");
        await("the later letter is stored", () -> watcher.state().consumed() == 2);
        ConsumeFolderState state = watcher.state();
        assertTrue(state.watching());
        assertEquals(2, state.consumed());
        assertEquals(2, state.failed());
        assertEquals("d-later.txt", state.lastConsumed());
        assertTrue(state.lastError().startsWith("b-nested.txt: Its structure is nested too deeply"), state.lastError());
        try (var left = Files.list(paperless.consume)) {
            assertEquals(1, left.count(), "only failed/ is left");
        }
    }

    @Test
    void anErrorOutsideTheConsumerLeavesThatFileAloneAndTheWatcherGoesOn() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        ConsumerComponent consumer = paperless.start(PARSER, "text/plain");
        Files.createDirectories(paperless.consume.resolve("Broken"));
        Files.writeString(paperless.consume.resolve("Broken/a.txt"), "in a folder whose tag cannot be made");
        Files.writeString(paperless.consume.resolve("b.txt"), "Dear customer");
        TagRepository tags = (TagRepository) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TagRepository.class}, (proxy, method, args) -> {
                    throw new StackOverflowError();
                });
        watcher = new ConsumeFolderWatcher(consumer, tags, paperless.folders, TestInstance.config(Map.of(
                "stableSeconds", "0.2", "rescanSeconds", "0.3", "recursive", "true", "subdirsAsTags", "true")));

        await("the failure is counted", () -> watcher.state().failed() == 1);
        Files.writeString(paperless.consume.resolve("c.txt"), "Another letter");
        // b.txt and c.txt need no tag: both are taken; the one in Broken/ waits until it changes.
        await("the later letter is stored", () -> paperless.documents.count() == 2);
        assertTrue(Files.exists(paperless.consume.resolve("Broken/a.txt")));
        assertTrue(watcher.state().watching());
    }

    @Test
    void theConsoleGetsTheReasonAndTheFileGoesToFailed() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        ConsumerComponent consumer = paperless.start(PARSER, "text/plain");
        Path bomb = Files.writeString(dir.resolve("bomb.txt"), "BOMB");
        ConsumptionException e = assertThrows(ConsumptionException.class, () -> consumer.consume(bomb, null));
        assertTrue(e.getMessage().contains("ran out of memory while reading it"), e.getMessage());
        assertFalse(Files.exists(bomb));
        assertEquals(paperless.failed("bomb.txt"), e.keptAt());
        assertEquals(0, paperless.documents.count());
        try (var staged = Files.list(paperless.data.resolve("tmp/consume"))) {
            assertEquals(0, staged.count(), "no staged copy left behind");
        }
    }

    @Test
    void aDisabledWatcherSaysSo() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        watcher = new ConsumeFolderWatcher(paperless.start(null), TestInstance.empty(TagRepository.class),
                paperless.folders, TestInstance.config(Map.of("enabled", "false")));
        ConsumeFolderState state = watcher.state();
        assertFalse(state.watching());
        assertTrue(state.notWatchingReason().contains("enabled = false"), state.notWatchingReason());
    }

    private static ConsumeFolderWatcher watch(TestInstance paperless, ConsumerComponent consumer, TagRepository tags) {
        return new ConsumeFolderWatcher(consumer, tags, paperless.folders,
                TestInstance.config(Map.of("stableSeconds", "0.2", "rescanSeconds", "0.3")));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int depth(int n) {
        return depth(n + 1) + 1;
    }
}
