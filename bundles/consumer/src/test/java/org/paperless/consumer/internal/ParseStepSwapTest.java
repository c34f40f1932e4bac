package org.paperless.consumer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;
import org.paperless.api.parser.ParserRegistry;

/**
 * A parser whose bundle is updated while it reads loses its classes (NoClassDefFoundError), sometimes before its
 * service is gone: the file is read again by the parser that comes back, never refused for it.
 */
class ParseStepSwapTest {

    private static final String MIME = "text/plain";

    @TempDir
    Path dir;

    @Test
    void aParserThatLostItsClassesIsReplacedAndTheFileReadAgain() throws Exception {
        try (ParserRegistry registry = new ParserRegistry()) {
            DocumentParser fresh = (file, mime) -> parsed("read by the new revision");
            DocumentParser[] old = new DocumentParser[1];
            old[0] = (file, mime) -> {
                // The framework swaps the bundle: the new revision's service arrives as the old one's classes go.
                new Thread(() -> {
                    registry.remove(old[0]);
                    registry.add(fresh, Map.of(DocumentParser.MIME_TYPES, MIME, "service.id", 2L));
                }).start();
                throw new NoClassDefFoundError("org/apache/xmpbox/type/PDFAFieldType");
            };
            registry.add(old[0], Map.of(DocumentParser.MIME_TYPES, MIME, "service.id", 1L));
            ParsedDocument parsed = new ParseStep(registry, () -> Duration.ofSeconds(10)).parse(file(), MIME);
            assertEquals("read by the new revision", parsed.text());
        }
    }

    @Test
    void aParserThatFailsToLoadItsClassesOnceIsAskedAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (ParserRegistry registry = new ParserRegistry()) {
            registry.add((file, mime) -> {
                if (calls.incrementAndGet() == 1) {
                    throw new ParseException("OCR failed", new NoClassDefFoundError("Could not initialize class Types"));
                }
                return parsed("second read");
            }, Map.of(DocumentParser.MIME_TYPES, MIME));
            assertEquals("second read", new ParseStep(registry, () -> Duration.ofSeconds(10)).parse(file(), MIME).text());
            assertEquals(2, calls.get());
        }
    }

    @Test
    void aParserThatNeverFindsItsClassesRefusesTheFileInTheEnd() throws Exception {
        try (ParserRegistry registry = new ParserRegistry()) {
            registry.add((file, mime) -> {
                throw new NoClassDefFoundError("com/example/Missing");
            }, Map.of(DocumentParser.MIME_TYPES, MIME));
            Refusal refusal = assertThrows(Refusal.class,
                    () -> new ParseStep(registry, () -> Duration.ofSeconds(1)).parse(file(), MIME));
            assertTrue(refusal.getMessage().contains("com/example/Missing"), refusal.getMessage());
        }
    }

    private Path file() throws Exception {
        return Files.writeString(dir.resolve("a.txt"), "text");
    }

    private static ParsedDocument parsed(String content) {
        return new ParsedDocument(content, 1, null, null);
    }
}
