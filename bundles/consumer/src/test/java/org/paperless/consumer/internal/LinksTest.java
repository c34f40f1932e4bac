package org.paperless.consumer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.consumer.ConsumeOverrides;
import org.paperless.api.consumer.ConsumptionException;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParsedDocument;

/**
 * Someone who may write to the consume share swaps a file the scan found for a link to a secret of the
 * service (its admin credentials, say): the secret must never be read, stored or moved.
 */
class LinksTest {

    private static final DocumentParser TEXT = (file, mime) -> {
        try {
            return new ParsedDocument(Files.readString(file), 1, null, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    };

    @TempDir
    Path dir;

    private TestInstance paperless;
    private ConsumerComponent consumer;
    private Path secret;

    @BeforeEach
    void start() throws Exception {
        paperless = new TestInstance(dir);
        consumer = paperless.start(TEXT, "text/plain");
        secret = Files.writeString(Files.createDirectories(paperless.data.resolve("security")).resolve("admin.credentials"),
                "admin=s3cret-password\n");
    }

    @Test
    void aLinkGivenByPathIsRefusedAndLeftWhereItIs() throws Exception {
        Path link = Files.createSymbolicLink(paperless.consume.resolve("invoice.txt"), secret);
        ConsumptionException e = assertThrows(ConsumptionException.class, () -> consumer.consume(link, ConsumeOverrides.NONE));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertNothingTaken(link);
    }

    @Test
    void aFoundFileSwappedForALinkIsLeftForTheNextScan() throws Exception {
        Path file = Files.writeString(paperless.consume.resolve("invoice.txt"), "Dear customer");
        FileIdentity seen = scanned(file);
        Files.delete(file);
        Files.createSymbolicLink(file, secret);
        assertThrows(FileChangedException.class, () -> consumer.consumeFound(file, seen, ConsumeOverrides.NONE));
        assertNothingTaken(file);
    }

    @Test
    void aFoundFileReplacedByAnotherOfTheSameSizeIsLeftForTheNextScan() throws Exception {
        Path file = Files.writeString(paperless.consume.resolve("invoice.txt"), "Dear customer");
        FileIdentity seen = scanned(file);
        Path other = Files.writeString(dir.resolve("other.txt"), "Dear cus-tomer".substring(0, 13));
        Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThrows(FileChangedException.class, () -> consumer.consumeFound(file, seen, ConsumeOverrides.NONE));
        assertEquals(0, paperless.documents.count());
        assertTrue(Files.exists(file));

        // Seen again as it is now, it is taken.
        consumer.consumeFound(file, scanned(file), ConsumeOverrides.NONE);
        assertEquals(1, paperless.documents.count());
        assertFalse(Files.exists(file));
    }

    @Test
    void aFoundFileThatGrewIsLeftForTheNextScan() throws Exception {
        Path file = Files.writeString(paperless.consume.resolve("scan.txt"), "page 1");
        FileIdentity seen = scanned(file);
        Files.writeString(file, "page 1, page 2");
        assertThrows(FileChangedException.class, () -> consumer.consumeFound(file, seen, ConsumeOverrides.NONE));
        assertEquals(0, paperless.documents.count());
        assertEquals("page 1, page 2", Files.readString(file));
    }

    private static FileIdentity scanned(Path file) throws Exception {
        return FileIdentity.of(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    }

    private void assertNothingTaken(Path link) throws Exception {
        assertEquals(0, paperless.documents.count(), "nothing stored");
        assertTrue(Files.isSymbolicLink(link), "the link stays where it was");
        assertEquals("admin=s3cret-password\n", Files.readString(secret));
        assertFalse(Files.exists(paperless.consume.resolve("failed")), "nothing moved to failed/");
        Path staging = paperless.data.resolve("tmp/consume");
        if (Files.exists(staging)) {
            try (var staged = Files.list(staging)) {
                assertEquals(0, staged.count(), "no copy of anything staged");
            }
        }
        assertFalse(Files.exists(paperless.data.resolve("media")), "no media file written");
    }
}
