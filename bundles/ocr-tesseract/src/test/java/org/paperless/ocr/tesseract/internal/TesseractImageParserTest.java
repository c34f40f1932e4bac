package org.paperless.ocr.tesseract.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;

class TesseractImageParserTest {

    private static TesseractImageParser parser;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        VeraGreenfieldFoundryProvider.initialise();
        parser = new TesseractImageParser();
        parser.activate(TestConfig.ocr(Map.of()));
    }

    @AfterAll
    static void stop() {
        parser.deactivate();
    }

    @Test
    void readsAPngScanAndWritesASearchablePdfA() throws Exception {
        Path scan = TestImages.png(dir, "invoice.png", TestImages.page(TestImages.PAGE_ONE, true));

        long start = System.nanoTime();
        ParsedDocument result = parser.parse(scan, "image/png");
        System.out.printf("OCR of one 1700x2200 PNG page (serif), with thumbnail and PDF/A: %d ms%n",
                (System.nanoTime() - start) / 1_000_000);

        double found = TestImages.found(TestImages.PAGE_ONE, result.text());
        assertTrue(found >= 0.95, "found only " + found + " of the words in: " + result.text());
        assertEquals(1, result.pageCount());
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(result.thumbnailPng()));
        assertEquals(400, thumbnail.getWidth());
        assertArchive(result.archivePdf(), 1, TestImages.PAGE_ONE);
        Files.delete(result.archivePdf());
        assertTrue(Files.exists(scan), "the original is left alone");
    }

    @Test
    void readsEveryPageOfATiff() throws Exception {
        Path scan = TestImages.tiff(dir, "contract.tif", TestImages.page(TestImages.PAGE_ONE, false),
                TestImages.page(TestImages.PAGE_TWO, true));

        long start = System.nanoTime();
        ParsedDocument result = parser.parse(scan, "image/tiff");
        System.out.printf("OCR of a 2-page TIFF (2 threads), with thumbnail and PDF/A: %d ms%n",
                (System.nanoTime() - start) / 1_000_000);

        assertEquals(2, result.pageCount());
        assertTrue(TestImages.found(TestImages.PAGE_ONE, result.text()) >= 0.95, result.text());
        assertTrue(TestImages.found(TestImages.PAGE_TWO, result.text()) >= 0.95, result.text());
        assertTrue(result.text().indexOf("quarterly") < result.text().indexOf("warehouse"), "pages in order");
        assertNotNull(result.thumbnailPng());
        List<String> both = new ArrayList<>(TestImages.PAGE_ONE);
        both.addAll(TestImages.PAGE_TWO);
        assertArchive(result.archivePdf(), 2, both);
        Files.delete(result.archivePdf());
    }

    @Test
    void aPageLimitReadsTheFirstPagesAndKeepsTheRestAsPictures() throws Exception {
        Path scan = TestImages.tiff(dir, "long contract.tif", TestImages.page(TestImages.PAGE_ONE, false),
                TestImages.page(TestImages.PAGE_TWO, true));
        TesseractImageParser limited = new TesseractImageParser();
        limited.activate(TestConfig.ocr(Map.of("pages", 1)));
        try {
            ParsedDocument result = limited.parse(scan, "image/tiff");

            assertEquals(2, result.pageCount());
            assertTrue(TestImages.found(TestImages.PAGE_ONE, result.text()) >= 0.95, result.text());
            assertTrue(TestImages.found(TestImages.PAGE_TWO, result.text()) < 0.2, "page 2 was not read: " + result.text());
            assertArchive(result.archivePdf(), 2, TestImages.PAGE_ONE);
            try (PDDocument archive = Loader.loadPDF(result.archivePdf().toFile())) {
                PDFTextStripper second = new PDFTextStripper();
                second.setStartPage(2);
                assertEquals("", second.getText(archive).strip(), "page 2 is a picture without text");
                assertTrue(archive.getPage(1).getResources().getXObjectNames().iterator().hasNext(), "page 2 shows its picture");
            }
            Files.delete(result.archivePdf());
        } finally {
            limited.deactivate();
        }
    }

    @Test
    void refusesAnImageDeclaringTooManyPixelsBeforeDecodingIt() throws Exception {
        Path bomb = TestImages.pngDeclaring(dir, "bomb.png", 60_000, 60_000);

        ParseException e = assertThrows(ParseException.class, () -> parser.parse(bomb, "image/png"));
        assertTrue(e.getMessage().startsWith(
                "The image is 60000 x 60000 pixels, more than the limit of 89478485; "), e.getMessage());
    }

    @Test
    void refusesGarbageAndTruncatedImages() throws Exception {
        Path garbage = dir.resolve("garbage.png");
        Files.write(garbage, "this is not an image at all".getBytes());
        ParseException e = assertThrows(ParseException.class, () -> parser.parse(garbage, "image/png"));
        assertTrue(e.getMessage().contains("not a readable image"), e.getMessage());

        byte[] whole = Files.readAllBytes(TestImages.png(dir, "whole.png", TestImages.page(TestImages.PAGE_ONE, true)));
        Path truncated = dir.resolve("truncated.png");
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 3));
        e = assertThrows(ParseException.class, () -> parser.parse(truncated, "image/png"));
        System.out.println("Truncated PNG: " + e.getMessage());
    }

    @Test
    void survivesARestartOfTheComponent() throws Exception {
        TesseractImageParser other = new TesseractImageParser();
        other.activate(TestConfig.ocr(Map.of("threads", 1)));
        other.deactivate();
        other.activate(TestConfig.ocr(Map.of("threads", "1", "language", "eng")));
        try {
            Path scan = TestImages.png(dir, "again.png", TestImages.page(TestImages.PAGE_TWO, false));
            ParsedDocument result = other.parse(scan, "image/png");
            assertTrue(TestImages.found(TestImages.PAGE_TWO, result.text()) >= 0.95, result.text());
            Files.delete(result.archivePdf());
        } finally {
            other.deactivate();
        }
        assertThrows(ParseException.class, () -> other.parse(dir.resolve("x.png"), "image/png"));
    }

    @Test
    void reportsMissingLanguageData() throws Exception {
        TesseractImageParser other = new TesseractImageParser();
        other.activate(TestConfig.ocr(Map.of("threads", 1, "language", "xyz")));
        try {
            Path scan = TestImages.png(dir, "lang.png", TestImages.page(TestImages.PAGE_TWO, false));
            ParseException e = assertThrows(ParseException.class, () -> other.parse(scan, "image/png"));
            assertTrue(e.getMessage().contains("cannot load the language data 'xyz'"), e.getMessage());
        } finally {
            other.deactivate();
        }
    }

    private static void assertArchive(Path pdf, int pages, List<String> words) throws Exception {
        TestArchives.assertPdfA(pdf, pages, words);
    }

}
