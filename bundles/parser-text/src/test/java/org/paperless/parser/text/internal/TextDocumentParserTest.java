package org.paperless.parser.text.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.parser.ParsedDocument;

class TextDocumentParserTest {

    private static final String GERMAN = "Sehr geehrter Herr Müller,\nanbei die Rechnung für März über 120 € "
            + "für die Prüfung der Schränke und Türen. Grüße aus Köln, Jörg Weiß\n";

    @TempDir
    Path dir;

    private final TextDocumentParser parser = new TextDocumentParser();

    @Test
    void readsUtf8WithUmlauts() throws Exception {
        ParsedDocument result = parse("utf8.txt", GERMAN.getBytes(StandardCharsets.UTF_8));

        assertEquals(GERMAN, result.text());
        assertNull(result.pageCount());
        assertNull(result.metadataDate());
    }

    @Test
    void readsUtf16WithByteOrderMark() throws Exception {
        // Java's "UTF-16" encoder writes a big-endian BOM; the little-endian one is written by hand.
        assertEquals(GERMAN, parse("be.txt", GERMAN.getBytes(StandardCharsets.UTF_16)).text());
        byte[] le = GERMAN.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[le.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(le, 0, withBom, 2, le.length);
        assertEquals(GERMAN, parse("le.txt", withBom).text());
    }

    @Test
    void dropsUtf8ByteOrderMark() throws Exception {
        byte[] utf8 = ("\uFEFF" + GERMAN).getBytes(StandardCharsets.UTF_8);
        assertEquals(GERMAN, parse("bom.csv", utf8).text());
    }

    @Test
    void detectsWindows1252() throws Exception {
        Charset cp1252 = Charset.forName("windows-1252");
        byte[] bytes = GERMAN.getBytes(cp1252);

        Path file = Files.write(dir.resolve("cp1252.txt"), bytes);

        assertEquals(cp1252, TextFile.read(file, TextDocumentParser.MAX_CHARS).charset());
        assertEquals(GERMAN, parser.parse(file, "text/plain").text());
    }

    @Test
    void shortWindows1252FallsBackCorrectly() throws Exception {
        assertEquals("Müller", parse("name.txt", "Müller".getBytes("windows-1252")).text());
    }

    @Test
    void shortGermanWindows1252IsNotTakenForCyrillic() throws Exception {
        String text = "Grüße aus Köln, Herr Müller\n";
        assertEquals(text, parse("short.txt", text.getBytes("windows-1252")).text());
    }

    @Test
    void stillDetectsCyrillic() throws Exception {
        String russian = "Уважаемый господин Иванов, направляем вам счёт за услуги по ремонту "
                + "квартиры в Москве. Просим оплатить его до конца месяца. С уважением, бухгалтерия\n";
        assertEquals(russian, parse("ru.txt", russian.getBytes("windows-1251")).text());
    }

    @Test
    void decodesRandomBytesWithoutFailing() throws Exception {
        byte[] noise = new byte[64 * 1024];
        new Random(42).nextBytes(noise);

        ParsedDocument result = parse("noise.txt", noise);
        assertTrue(result.text().length() > 0);
    }

    @Test
    void thumbnailIsAPortraitPng() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            text.append("line ").append(i).append("\tMüller;Köln;").append("x".repeat(i * 3)).append('\n');
        }
        byte[] png = parse("table.csv", text.toString().getBytes(StandardCharsets.UTF_8)).thumbnailPng();

        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image);
        assertEquals(400, image.getWidth());
        assertEquals(566, image.getHeight());
        assertTrue(hasDarkPixel(image), "no text was drawn");
    }

    @Test
    void emptyFileGivesEmptyTextAndAThumbnail() throws Exception {
        ParsedDocument result = parse("empty.txt", new byte[0]);
        assertEquals("", result.text());
        assertNotNull(result.thumbnailPng());
    }

    @Test
    void keepsTheStartOfAMultiGigabyteFile() throws Exception {
        Path huge = dir.resolve("huge.txt");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.write(GERMAN.repeat(1000).getBytes(StandardCharsets.UTF_8));
            file.setLength(3L << 30); // 3 GB, sparse: the rest reads as NUL bytes and costs no disk
        }
        ParsedDocument result = parser.parse(huge, "text/plain");

        assertEquals(GERMAN.repeat(1000), result.text(), "the text, without the NUL bytes that follow it");
        assertNotNull(result.thumbnailPng());
    }

    @Test
    void cutsTheTextAtTheLimitAndReadsNoFurther() throws Exception {
        TextDocumentParser small = new TextDocumentParser(1000);
        String text = GERMAN.repeat(400_000); // 52 MB of UTF-8
        Path file = Files.write(dir.resolve("long.txt"), text.getBytes(StandardCharsets.UTF_8));

        Allocation.Measured<ParsedDocument> parsed = Allocation.of(() -> small.parse(file, "text/plain"));

        assertEquals(text.substring(0, 1000), parsed.result().text());
        assertTrue(parsed.bytes() < 8 << 20, "read more than it kept: " + (parsed.bytes() >> 20) + " MB allocated");
    }

    @Test
    void cutsEveryCharsetAtTheLimit() throws Exception {
        TextDocumentParser small = new TextDocumentParser(50);
        Charset cp1252 = Charset.forName("windows-1252");

        assertEquals(GERMAN.substring(0, 50), small.parse(Files.write(dir.resolve("cp.txt"), GERMAN.getBytes(cp1252)),
                "text/plain").text());
        assertEquals(GERMAN.substring(0, 50), small.parse(Files.write(dir.resolve("u16.txt"),
                GERMAN.getBytes(StandardCharsets.UTF_16)), "text/plain").text());
    }

    @Test
    void cutNeverLeavesHalfACharacterPair() throws Exception {
        TextDocumentParser small = new TextDocumentParser(3);
        String text = "ab\uD83D\uDE00cd"; // an emoji is two chars; the limit falls between them

        assertEquals("ab", small.parse(Files.write(dir.resolve("emoji.txt"), text.getBytes(StandardCharsets.UTF_8)),
                "text/plain").text());
    }

    @Test
    void utf8StartWithABadByteLaterIsReadAsWindows1252() throws Exception {
        byte[] ascii = "plain ascii line\n".repeat(70_000).getBytes(StandardCharsets.US_ASCII); // past the 1 MB sample
        byte[] tail = "Grüße".getBytes("windows-1252");
        byte[] bytes = java.util.Arrays.copyOf(ascii, ascii.length + tail.length);
        System.arraycopy(tail, 0, bytes, ascii.length, tail.length);

        String text = parse("late.txt", bytes).text();
        assertTrue(text.endsWith("line\nGrüße"), text.substring(text.length() - 20));
    }

    @Test
    void leavesNulBytesAndOtherControlCharactersOut() throws Exception {
        byte[] bytes = new byte[1 << 20]; // NUL bytes only
        assertEquals("", parse("nul.txt", bytes).text());

        String kept = parse("mixed.txt", "a\u0000b\u0001c\td\r\ne\u000Cf\u001Bg".getBytes(StandardCharsets.UTF_8)).text();
        assertEquals("abc\td\r\ne\u000Cfg", kept);
        // UTF-16 without a byte order mark passes as UTF-8 with a NUL after each letter: the letters survive.
        assertEquals("Hello", parse("utf16le.txt", "Hello".getBytes(StandardCharsets.UTF_16LE)).text());
    }

    @Test
    void csvWithAMillionColumnsIsKeptAndItsThumbnailDrawn() throws Exception {
        String row = "a;".repeat(1_000_000);
        ParsedDocument result = parse("wide.csv", (row + "\n" + row).getBytes(StandardCharsets.US_ASCII));

        assertEquals(4_000_001, result.text().length());
        assertTrue(hasDarkPixel(ImageIO.read(new ByteArrayInputStream(result.thumbnailPng()))));
    }

    @Test
    void thumbnailOfOneHugeLineCopiesOnlyWhatItDraws() throws Exception {
        String line = "\t".repeat(32 * 1024 * 1024);

        Allocation.Measured<List<String>> lines = Allocation.of(() -> TextThumbnailRenderer.firstLines(line));

        assertEquals(List.of(" ".repeat(TextThumbnailRenderer.MAX_COLUMNS)), lines.result());
        assertTrue(lines.bytes() < 1 << 20, (lines.bytes() >> 20) + " MB allocated");
    }

    @Test
    void thumbnailOfAMillionLinesTakesTheFirstForty() throws Exception {
        String text = "x\r\n".repeat(1_000_000);

        Allocation.Measured<List<String>> lines = Allocation.of(() -> TextThumbnailRenderer.firstLines(text));

        assertEquals(TextThumbnailRenderer.MAX_LINES, lines.result().size());
        assertTrue(lines.result().stream().allMatch("x"::equals), lines.result().toString());
        assertTrue(lines.bytes() < 1 << 20, (lines.bytes() >> 20) + " MB allocated");
        assertNotNull(TextThumbnailRenderer.render(text));
    }

    private ParsedDocument parse(String name, byte[] bytes) throws Exception {
        return parser.parse(Files.write(dir.resolve(name), bytes), "text/plain");
    }

    private static boolean hasDarkPixel(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    return true;
                }
            }
        }
        return false;
    }
}
