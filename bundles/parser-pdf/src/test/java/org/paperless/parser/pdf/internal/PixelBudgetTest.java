package org.paperless.parser.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.ocr.OcrService;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;

/** Every page PDFBox renders here fits the pixel limit: OCR pages and thumbnails alike. */
class PixelBudgetTest {

    /** 400 x 400 inches: about 20,000 x 20,000 pixels at 50 dpi. */
    private static final PDRectangle HUGE = new PDRectangle(28_800, 28_800);

    @TempDir
    Path dir;

    private final PageImages ocr = new PageImages();
    private final PdfDocumentParser parser = new PdfDocumentParser(PdfLimits.DEFAULT, ocr);

    @Test
    void aScanWithAHugeSecondPageIsRefusedNamingThePageBeforeAnythingIsRendered() throws Exception {
        Path pdf = dir.resolve("poster.pdf");
        try (PDDocument document = new PDDocument()) {
            HostilePdfs.addScanPage(document, PDRectangle.A4);
            HostilePdfs.addScanPage(document, HUGE);
            document.save(pdf.toFile());
        }

        ParseException e = assertThrows(ParseException.class, () -> parser.parse(pdf, "application/pdf"));

        assertTrue(e.getMessage().startsWith("Page 2 of poster.pdf is 28800 x 28800 points (400 x 400 inches): even"
                + " at 50 dpi"), e.getMessage());
        assertTrue(e.getMessage().contains("400000000 pixels, more than the limit of 89478485"), e.getMessage());
        assertTrue(e.getMessage().contains("Crop or split that page, or raise the limit"), e.getMessage());
        assertEquals(List.of(), ocr.sizes, "no page went to OCR");
    }

    @Test
    void anOrdinaryScanIsRenderedAt300Dpi() throws Exception {
        Path pdf = dir.resolve("scan.pdf");
        try (PDDocument document = new PDDocument()) {
            HostilePdfs.addScanPage(document, PDRectangle.A4);
            HostilePdfs.addScanPage(document, PDRectangle.A4);
            document.save(pdf.toFile());
        }

        ParsedDocument result = parser.parse(pdf, "application/pdf");

        // PDFBox rounds down: A4 is 841.89 points high.
        assertEquals(List.of("2480 x 3507 at 300 dpi", "2480 x 3507 at 300 dpi"), ocr.sizes);
        assertEquals("text of page 1\n\ntext of page 2", result.text());
        Files.deleteIfExists(result.archivePdf());
    }

    @Test
    void aLargePageLowersTheResolutionWithinTheLimit() throws Exception {
        Path pdf = dir.resolve("plan.pdf");
        try (PDDocument document = new PDDocument()) {
            HostilePdfs.addScanPage(document, new PDRectangle(72 * 50, 72 * 50)); // 50 x 50 inches
            document.save(pdf.toFile());
        }

        ParsedDocument result = parser.parse(pdf, "application/pdf");

        // 89,478,485 pixels over 2,500 square inches: 189 dpi, 9450 x 9450 pixels.
        assertEquals(List.of("9450 x 9450 at 189 dpi"), ocr.sizes);
        Files.deleteIfExists(result.archivePdf());
    }

    @Test
    void aHugeFirstPageWithTextGetsAThumbnailOfThumbnailSize() throws Exception {
        Path pdf = dir.resolve("banner.pdf");
        try (PDDocument document = new PDDocument()) {
            HostilePdfs.addTextPage(document, HUGE, "Banner text");
            document.save(pdf.toFile());
        }

        ParsedDocument result = parser.parse(pdf, "application/pdf");

        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(result.thumbnailPng()));
        assertEquals(400, thumbnail.getWidth());
        assertEquals(400, thumbnail.getHeight());
        assertTrue(result.text().contains("Banner text"), result.text());
    }

    @Test
    void aVeryTallFirstPageGetsAThumbnailThatFitsTheBox() throws Exception {
        Path pdf = dir.resolve("strip.pdf");
        try (PDDocument document = new PDDocument()) {
            HostilePdfs.addTextPage(document, new PDRectangle(100, 14_000), "Strip");
            document.save(pdf.toFile());
        }

        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(
                new PdfDocumentParser().parse(pdf, "application/pdf").thumbnailPng()));

        assertEquals(5000, thumbnail.getHeight(), 1);
        assertEquals(Math.round(5000 * 100 / 14_000.0), thumbnail.getWidth(), 1);
    }

    @Test
    void aSmallerPixelLimitAlsoBoundsTheThumbnail() throws Exception {
        Path pdf = dir.resolve("a4.pdf");
        try (PDDocument document = new PDDocument()) {
            HostilePdfs.addTextPage(document, PDRectangle.A4, "Small");
            document.save(pdf.toFile());
        }
        PdfDocumentParser tight = new PdfDocumentParser(PdfLimits.DEFAULT.withMaxImagePixels(10_000), null);

        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(tight.parse(pdf, "application/pdf").thumbnailPng()));

        assertTrue((long) thumbnail.getWidth() * thumbnail.getHeight() <= 10_000,
                thumbnail.getWidth() + " x " + thumbnail.getHeight());
    }

    /** An OCR service that reads nothing but the size of the page images it is given. */
    private static final class PageImages implements OcrService {

        final List<String> sizes = new ArrayList<>();

        @Override
        public List<String> recognize(List<Path> pageImages, int dpi, Path archive, String title) throws ParseException {
            List<String> texts = new ArrayList<>();
            try {
                for (Path image : pageImages) {
                    BufferedImage page = ImageIO.read(image.toFile());
                    sizes.add(page.getWidth() + " x " + page.getHeight() + " at " + dpi + " dpi");
                    texts.add("text of page " + (texts.size() + 1));
                }
            } catch (IOException e) {
                throw new ParseException(e.getMessage(), e);
            }
            return texts;
        }
    }
}
