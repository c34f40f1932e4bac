package org.paperless.consumer.internal.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.Document;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;
import org.paperless.api.storage.TagRepository;
import org.paperless.consumer.internal.ConsumerComponent;
import org.paperless.consumer.internal.TestInstance;

/** The consume folder's files are read two at a time and stored in the order they became ready (by name). */
class ConsumeFolderOrderTest {

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
    void filesReadSideBySideAreStoredInNameOrderAndAFailureStaysAlone() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        AtomicInteger reading = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ConsumerComponent consumer = paperless.start(2, (file, mime) -> {
            mostAtOnce.accumulateAndGet(reading.incrementAndGet(), Math::max);
            try {
                String text = Files.readString(file);
                int n = Integer.parseInt(text.replaceAll("\\D", ""));
                Thread.sleep(30L * (10 - n)); // the first files take longest
                if (n == 4) {
                    throw new ParseException("Letter 4 is damaged");
                }
                return new ParsedDocument(text, 1, null, null);
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                reading.decrementAndGet();
            }
        }, "text/plain");
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            Files.writeString(paperless.consume.resolve("letter-" + i + ".txt"), "Letter " + i);
            if (i != 4) {
                expected.add("letter-" + i + ".txt");
            }
        }
        watcher = new ConsumeFolderWatcher(consumer, TestInstance.empty(TagRepository.class), paperless.folders,
                TestInstance.config(Map.of("stableSeconds", "0.2", "rescanSeconds", "0.3")));

        TestInstance.await("every file is consumed", () -> watcher.state().consumed() == 7 && watcher.state().failed() == 1);

        List<Document> byId = paperless.documents.stored.stream()
                .sorted(java.util.Comparator.comparing(Document::id)).toList();
        assertEquals(expected, byId.stream().map(Document::originalFilename).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), byId.stream().map(Document::id).toList());
        assertEquals(2, mostAtOnce.get(), "two files were read at once");
        assertTrue(Files.readString(paperless.failed("letter-4.txt.reason.txt")).contains("Letter 4 is damaged"));
        try (var left = Files.list(paperless.consume)) {
            assertEquals(1, left.count(), "only failed/ is left");
        }
    }
}
