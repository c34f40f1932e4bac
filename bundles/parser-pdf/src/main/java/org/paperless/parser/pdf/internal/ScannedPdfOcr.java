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
import org.apache.pdfbox.rendering.ImageType;
import org.paperless.api.ocr.OcrService;
import org.paperless.api.parser.ParseException;

/**
 * OCR of a PDF's pages: each page rendered to an image (one at a time, so memory stays flat), then read
 * by the OCR service, which also writes the searchable PDF/A-2b archive copy. Every page must fit the
 * pixel limit at the resolution chosen (see {@link PageRaster#ocrDpi}), else nothing is rendered.
 */
final class ScannedPdfOcr {

    record Result(String text, Path archive) {
    }

    private ScannedPdfOcr() {
    }

    static Result run(PDDocument document, OcrService ocr, String title, PdfLimits limits)
            throws IOException, ParseException {
        int dpi = PageRaster.ocrDpi(document, title, limits.maxImagePixels());
        Path work = Files.createTempDirectory("paperless-pdf-ocr-");
        Path archive = Files.createTempFile("paperless-archive-", ".pdf");
        try {
            BoundedPdfRenderer renderer = new BoundedPdfRenderer(document, title, limits);
            List<Path> images = new ArrayList<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                BufferedImage page = renderer.renderImageWithDPI(i, dpi, ImageType.RGB);
                Path image = work.resolve(String.format("page-%05d.png", i));
                ImageIO.write(page, "png", image.toFile());
                images.add(image);
            }
            List<String> pages = withTextLayer(document, title, ocr.recognize(images, dpi, archive, title));
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
    private static List<String> withTextLayer(PDDocument document, String title, List<String> ocrPages)
            throws IOException {
        List<String> pages = new ArrayList<>(ocrPages);
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).isBlank()) {
                BoundedTextStripper stripper = new BoundedTextStripper(title, BoundedTextStripper.MAX_GLYPHS_PER_PAGE,
                        BoundedTextStripper.MAX_TEXT_CHARS);
                pages.set(i, stripper.extract(document, i + 1, i + 1).strip());
            }
        }
        pages.removeIf(String::isEmpty);
        return pages;
    }
}
