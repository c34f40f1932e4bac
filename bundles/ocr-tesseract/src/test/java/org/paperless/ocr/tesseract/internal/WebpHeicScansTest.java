package org.paperless.ocr.tesseract.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;

/** WebP and HEIC scans, made by the real encoders, read by the real Tesseract and heif-convert. */
class WebpHeicScansTest {

    private static final String LIMIT_MESSAGE = "The image is 60000 x 60000 pixels, more than the limit of 89478485; ";

    private static TesseractImageParser parser;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        SampleTools.require("cwebp", "webp");
        SampleTools.require("heif-enc", "libheif-examples");
        VeraGreenfieldFoundryProvider.initialise();
        parser = new TesseractImageParser();
        parser.activate(TestConfig.ocr(Map.of()));
    }

    @AfterAll
    static void stop() {
        if (parser != null) {
            parser.deactivate();
        }
    }

    @Test
    void tikaNamesTheTypesTheParserDeclares() throws Exception {
        assertEquals("image/webp", detect(webp("a.webp", TestImages.PAGE_ONE)));
        assertEquals("image/heic", detect(heic("a.heic", TestImages.PAGE_ONE)));
        assertTrue(ImageOcr.HEIF_TYPES.contains("image/heic"));
    }

    @Test
    void readsAWebpScan() throws Exception {
        Path scan = webp("receipt.webp", TestImages.PAGE_ONE);

        long start = System.nanoTime();
        ParsedDocument result = parser.parse(scan, "image/webp");
        System.out.printf("OCR of one 1700x2200 WebP page, with thumbnail and PDF/A: %d ms%n",
                (System.nanoTime() - start) / 1_000_000);

        assertTrue(TestImages.found(TestImages.PAGE_ONE, result.text()) >= 0.95, result.text());
        assertEquals(1, result.pageCount());
        assertThumbnail(result);
        TestArchives.assertPdfA(result.archivePdf(), 1, TestImages.PAGE_ONE);
        Files.delete(result.archivePdf());
        assertTrue(Files.exists(scan), "the original is left alone");
    }

    @Test
    void readsAHeicScanAndLeavesNoJobFolder() throws Exception {
        Path scan = heic("letter.heic", TestImages.PAGE_TWO);
        long foldersBefore = heifFolders();

        long start = System.nanoTime();
        ParsedDocument result = parser.parse(scan, "image/heic");
        System.out.printf("OCR of one 1700x2200 HEIC page (heif-convert, OCR, thumbnail, PDF/A): %d ms%n",
                (System.nanoTime() - start) / 1_000_000);

        assertTrue(TestImages.found(TestImages.PAGE_TWO, result.text()) >= 0.95, result.text());
        assertEquals(1, result.pageCount());
        assertThumbnail(result);
        TestArchives.assertPdfA(result.archivePdf(), 1, TestImages.PAGE_TWO);
        Files.delete(result.archivePdf());
        assertEquals(foldersBefore, heifFolders(), "the conversion's folder is deleted");
        assertThumbnail(parser.thumbnail(scan, "image/heic"));
    }

    /** libheif 1.15 cannot write a grey ICC profile into its RGB PNG: the copy is converted without it. */
    @Test
    void readsAGreyHeicThatCarriesAGreyIccProfile() throws Exception {
        Path png = withGreyIccProfile(TestImages.png(dir, "grey.png", TestImages.page(TestImages.PAGE_ONE, false)));
        Path scan = SampleTools.heic(png, dir.resolve("grey.heic"));

        ParsedDocument result = parser.parse(scan, "image/heif");

        assertTrue(TestImages.found(TestImages.PAGE_ONE, result.text()) >= 0.95, result.text());
        assertThumbnail(result);
        Files.delete(result.archivePdf());
    }

    @Test
    void refusesAWebpDeclaringTooManyPixelsBeforeDecodingIt() throws Exception {
        byte[] bytes = Files.readAllBytes(webp("bomb.webp", TestImages.PAGE_ONE));
        assertEquals("VP8 ", new String(bytes, 12, 4, StandardCharsets.ISO_8859_1), "a simple lossy WebP");
        // the VP8 key frame header: 14-bit width and height after the start code 9d 01 2a
        ByteBuffer.wrap(bytes, 26, 4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 16383).putShort((short) 16383);
        Path bomb = dir.resolve("bomb.webp");
        Files.write(bomb, bytes);

        ParseException e = assertThrows(ParseException.class, () -> parser.parse(bomb, "image/webp"));
        assertTrue(e.getMessage().startsWith("The image is 16383 x 16383 pixels, more than the limit of 89478485; "),
                e.getMessage());
    }

    /** The converter given here does not exist: the refusal must come before it is started. */
    @Test
    void refusesAHeicDeclaringTooManyPixelsBeforeConvertingIt() throws Exception {
        byte[] bytes = Files.readAllBytes(heic("bomb.heic", TestImages.PAGE_ONE));
        int patched = 0;
        for (int at = indexOf(bytes, "ispe", 0); at >= 0; at = indexOf(bytes, "ispe", at + 4)) {
            ByteBuffer.wrap(bytes, at + 8, 8).putInt(60_000).putInt(60_000); // after version and flags
            patched++;
        }
        assertTrue(patched > 0, "the sample has an ispe box");
        Path bomb = dir.resolve("bomb.heic");
        Files.write(bomb, bytes);

        try (OcrRuntime runtime = new OcrRuntime(OcrSettings.from(TestConfig.ocr(Map.of("threads", 1)), k -> null))) {
            ImageOcr ocr = new ImageOcr(runtime, new HeifConverter("/nonexistent/heif-convert", HeifConverter.TIME_LIMIT));
            ParseException e = assertThrows(ParseException.class, () -> ocr.parse(bomb, "image/heic"));
            assertTrue(e.getMessage().startsWith(LIMIT_MESSAGE), e.getMessage());
        }
        ParseException e = assertThrows(ParseException.class, () -> parser.parse(bomb, "image/heic"));
        assertTrue(e.getMessage().startsWith(LIMIT_MESSAGE), e.getMessage());
    }

    @Test
    void refusesTruncatedWebpAndHeicSayingSo() throws Exception {
        byte[] webp = Files.readAllBytes(webp("whole.webp", TestImages.PAGE_ONE));
        Path cutWebp = dir.resolve("cut.webp");
        Files.write(cutWebp, Arrays.copyOf(webp, webp.length / 3));
        ParseException e = assertThrows(ParseException.class, () -> parser.parse(cutWebp, "image/webp"));
        assertTrue(e.getMessage().startsWith("The WebP image cut.webp is truncated: its header declares "
                + webp.length + " bytes, the file has " + webp.length / 3), e.getMessage());

        byte[] heic = Files.readAllBytes(heic("whole.heic", TestImages.PAGE_ONE));
        Path cutHeic = dir.resolve("cut.heic");
        Files.write(cutHeic, Arrays.copyOf(heic, heic.length / 3));
        e = assertThrows(ParseException.class, () -> parser.parse(cutHeic, "image/heic"));
        assertTrue(e.getMessage().startsWith("The HEIC/HEIF image cut.heic is truncated: a box ends at byte "
                + heic.length + ", the file has " + heic.length / 3 + " bytes"), e.getMessage());

        Path garbage = dir.resolve("garbage.heic");
        Files.writeString(garbage, "this is not an image at all");
        e = assertThrows(ParseException.class, () -> parser.parse(garbage, "image/heic"));
        assertTrue(e.getMessage().contains("is not a HEIC/HEIF image"), e.getMessage());
    }

    @Test
    void stopsHeifConvertAtItsTimeLimit() throws Exception {
        Path scan = heic("slow.heic", TestImages.PAGE_ONE);
        long foldersBefore = heifFolders();
        HeifConverter hasty = new HeifConverter("heif-convert", Duration.ofMillis(1));

        long start = System.nanoTime();
        ParseException e = assertThrows(ParseException.class, () -> hasty.convert(scan, "slow.heic"));
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertEquals("heif-convert did not convert the HEIC/HEIF image slow.heic within 1 ms and was stopped;"
                + " the image may be too complex or damaged", e.getMessage());
        assertTrue(ms < 5_000, "stopped, not waited for: " + ms + " ms");
        assertEquals(foldersBefore, heifFolders(), "the stopped job's folder is deleted");
    }

    @Test
    void saysWhatToInstallWhenHeifConvertIsMissing() throws Exception {
        Path scan = heic("photo.heic", TestImages.PAGE_ONE);
        HeifConverter missing = new HeifConverter("/nonexistent/heif-convert", HeifConverter.TIME_LIMIT);

        ParseException e = assertThrows(ParseException.class, () -> missing.convert(scan, "photo.heic"));
        assertEquals("HEIC/HEIF images need heif-convert, which is not installed: apt-get install libheif-examples",
                e.getMessage());
    }

    private Path webp(String name, java.util.List<String> words) throws Exception {
        Path png = TestImages.png(dir, name + ".png", TestImages.page(words, true));
        return SampleTools.webp(png, dir.resolve(name));
    }

    private Path heic(String name, java.util.List<String> words) throws Exception {
        Path png = TestImages.png(dir, name + ".png", TestImages.page(words, false));
        return SampleTools.heic(png, dir.resolve(name));
    }

    private static void assertThumbnail(ParsedDocument result) throws IOException {
        assertThumbnail(result.thumbnailPng());
    }

    private static void assertThumbnail(byte[] png) throws IOException {
        assertTrue(png != null && png.length > 8, "a thumbnail");
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.ISO_8859_1));
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(400, thumbnail.getWidth());
        assertEquals(518, thumbnail.getHeight(), "1700 x 2200 scaled to 400 wide");
    }

    private static String detect(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return MimeTypes.getDefaultMimeTypes().detect(in, new Metadata()).getBaseType().toString();
        }
    }

    private static long heifFolders() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("paperless-heif-")).count();
        }
    }

    private static int indexOf(byte[] bytes, String type, int from) {
        byte[] wanted = type.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = from; i + wanted.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        return -1;
    }

    /** The PNG with an iCCP chunk holding the JDK's grey profile, right after IHDR, as some scanners write it. */
    private static Path withGreyIccProfile(Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(compressed)) {
            zlib.write(ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData());
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write("iCCPGrey".getBytes(StandardCharsets.ISO_8859_1));
        data.write(0); // end of the profile name
        data.write(0); // compression method: deflate
        data.write(compressed.toByteArray());
        byte[] chunk = data.toByteArray(); // type + data
        CRC32 crc = new CRC32();
        crc.update(chunk);
        int ihdrEnd = 8 + 4 + 4 + 13 + 4;
        ByteBuffer out = ByteBuffer.allocate(bytes.length + chunk.length + 8);
        out.put(bytes, 0, ihdrEnd).putInt(chunk.length - 4).put(chunk).putInt((int) crc.getValue())
                .put(bytes, ihdrEnd, bytes.length - ihdrEnd);
        Files.write(png, out.array());
        return png;
    }
}
