package org.paperless.parser.text.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.parser.ParseException;
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

        assertEquals(cp1252, CharsetDetection.decode(bytes).charset());
        assertEquals(GERMAN, parse("cp1252.txt", bytes).text());
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
    void refusesFilesOverTheLimit() throws IOException {
        Path big = dir.resolve("big.txt");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(TextDocumentParser.MAX_BYTES + 1); // sparse: costs no disk
        }
        ParseException e = assertThrows(ParseException.class, () -> parser.parse(big, "text/plain"));
        assertTrue(e.getMessage().contains("over 50 MB"), e.getMessage());
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
