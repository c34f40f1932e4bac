package org.paperless.parser.pdf.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.paperless.api.ocr.OcrService;
import org.paperless.api.parser.ParseException;

/**
 * OCR of a PDF's pages: each page rendered to an image (one at a time, so memory stays flat), then read
 * by the OCR service, which also writes the searchable PDF/A-2b archive copy.
 */
final class ScannedPdfOcr {

    record Result(String text, Path archive) {
    }

    /** The resolution Tesseract reads best at; lowered for oversized pages to keep within the pixel budget. */
    static final int DPI = 300;
    private static final double MAX_PAGE_PIXELS = 60_000_000;

    private ScannedPdfOcr() {
    }

    static Result run(PDDocument document, OcrService ocr, String title) throws IOException, ParseException {
        int dpi = dpi(document);
        Path work = Files.createTempDirectory("paperless-pdf-ocr-");
        Path archive = Files.createTempFile("paperless-archive-", ".pdf");
        try {
            PDFRenderer renderer = new PDFRenderer(document);
            List<Path> images = new ArrayList<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                BufferedImage page = renderer.renderImageWithDPI(i, dpi, ImageType.RGB);
                Path image = work.resolve(String.format("page-%05d.png", i));
                ImageIO.write(page, "png", image.toFile());
                images.add(image);
            }
            List<String> pages = withTextLayer(document, ocr.recognize(images, dpi, archive, title));
            Result result = new Result(String.join("\n\n", pages), archive);
            archive = null;
            return result;
        } finally {
            if (archive != null) {
                Files.deleteIfExists(archive);
            }
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * Pages the OCR left without text (past PAPERLESS_OCR_PAGES, or blank) keep whatever text layer they
     * have, verbatim, as paperless-ngx does.
     */
    private static List<String> withTextLayer(PDDocument document, List<String> ocrPages) throws IOException {
        List<String> pages = new ArrayList<>(ocrPages);
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).isBlank()) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(true);
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                pages.set(i, stripper.getText(document).strip());
            }
        }
        pages.removeIf(String::isEmpty);
        return pages;
    }

    private static int dpi(PDDocument document) {
        int dpi = DPI;
        for (var page : document.getPages()) {
            PDRectangle box = page.getCropBox();
            double pixelsAt300 = (box.getWidth() / 72.0 * DPI) * (box.getHeight() / 72.0 * DPI);
            if (pixelsAt300 > MAX_PAGE_PIXELS) {
                dpi = Math.min(dpi, (int) (DPI * Math.sqrt(MAX_PAGE_PIXELS / pixelsAt300)));
            }
        }
        return Math.max(dpi, 50);
    }
}
