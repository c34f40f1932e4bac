package org.paperless.consumer.internal;

import org.paperless.api.parser.ParserRegistry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Constants;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParsedDocument;

class ConsumerPartsTest {

    @TempDir
    Path dir;

    @Test
    void theTypeComesFromTheBytesNotTheName() throws Exception {
        MimeDetector detector = new MimeDetector();
        Path pdf = Files.writeString(dir.resolve("scan.bin"), "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", StandardCharsets.US_ASCII);
        assertEquals("application/pdf", detector.detect(pdf));
        Path jpeg = dir.resolve("invoice.pdf");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg.toFile());
        assertEquals("image/jpeg", detector.detect(jpeg));
        Path text = Files.writeString(dir.resolve("notes.pdf"), "Just some words.\n");
        assertEquals("text/plain", detector.detect(text));
        Path csv = Files.writeString(dir.resolve("table.csv"), "a,b\n1,2\n");
        assertEquals("text/csv", detector.detect(csv));
        assertEquals(".pdf", detector.extension("application/pdf"));
    }

    @Test
    void checksumsAreSha256InLowerCaseHex() throws Exception {
        Path f = Files.writeString(dir.resolve("abc.txt"), "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Checksums.sha256(f));
    }

    @Test
    void refusedFilesKeepTheirBytesAndNeverOverwriteEachOther() throws Exception {
        FailedFolder failed = new FailedFolder(dir.resolve("consume"));
        Path first = Files.writeString(dir.resolve("scan.pdf"), "one");
        Path kept1 = failed.keep(first, "The file is empty");
        Path second = Files.writeString(dir.resolve("scan.pdf"), "two");
        Path kept2 = failed.keep(second, "Duplicate");
        assertEquals("scan.pdf", kept1.getFileName().toString());
        assertEquals("scan_01.pdf", kept2.getFileName().toString());
        assertEquals("one", Files.readString(kept1));
        assertEquals("two", Files.readString(kept2));
        assertTrue(Files.readString(kept2.resolveSibling("scan_01.pdf.reason.txt")).contains("Duplicate"));
        assertFalse(Files.exists(first));
    }

    @Test
    void aFileWithTheLongestNameAFileSystemAllowsStillGetsItsReasonBesideIt() throws Exception {
        String name = "\u00e9".repeat(120) + ".pdf"; // 244 bytes in UTF-8: no room for ".reason.txt"
        Path source = Files.writeString(dir.resolve(name), "scan");
        Path kept = new FailedFolder(dir.resolve("consume")).keep(source, "x".repeat(100_000));
        assertTrue(kept.getFileName().toString().endsWith(".pdf"));
        assertEquals("scan", Files.readString(kept));
        String reason = Files.readString(kept.resolveSibling(kept.getFileName() + ".reason.txt"));
        assertTrue(reason.length() < FailedFolder.MAX_REASON_CHARS + 100, "the reason is cut: " + reason.length());
    }

    @Test
    void theHighestRankingParserTakesAType() {
        ParserRegistry registry = new ParserRegistry();
        DocumentParser builtIn = (file, mime) -> new ParsedDocument("a", null, null, null);
        DocumentParser plugin = (file, mime) -> new ParsedDocument("b", null, null, null);
        registry.add(builtIn, Map.of(DocumentParser.MIME_TYPES, "application/pdf", Constants.SERVICE_ID, 1L));
        registry.add(plugin, Map.of(DocumentParser.MIME_TYPES, new String[] {"application/pdf", "image/png"},
                Constants.SERVICE_RANKING, 10, Constants.SERVICE_ID, 2L));
        assertSame(plugin, registry.forType("application/pdf").orElseThrow());
        registry.remove(plugin);
        assertSame(builtIn, registry.forType("application/pdf").orElseThrow());
        assertTrue(registry.forType("image/png").isEmpty());
    }
}
