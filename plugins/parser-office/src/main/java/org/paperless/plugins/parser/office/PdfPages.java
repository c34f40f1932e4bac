package org.paperless.plugins.parser.office;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** The page count of a converted PDF, and its first page as a PNG 400 pixels wide (at most 5000 high). */
final class PdfPages {

    static final int WIDTH = 400;
    static final int MAX_HEIGHT = 5000;

    /** @param thumbnail the first page as a PNG, or null when the PDF has no pages */
    record Result(int pages, byte[] thumbnail) {
    }

    private PdfPages() {
    }

    static Result read(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int pages = document.getNumberOfPages();
            return new Result(pages, pages == 0 ? null : firstPage(document));
        }
    }

    static int count(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getNumberOfPages();
        }
    }

    private static byte[] firstPage(PDDocument document) throws IOException {
        PDRectangle box = document.getPage(0).getCropBox();
        boolean turned = document.getPage(0).getRotation() % 180 != 0;
        float width = turned ? box.getHeight() : box.getWidth();
        float height = turned ? box.getWidth() : box.getHeight();
        float scale = Math.min(WIDTH / Math.max(1f, width), MAX_HEIGHT / Math.max(1f, height));
        PDFRenderer renderer = new PDFRenderer(document);
        renderer.setSubsamplingAllowed(true);
        BufferedImage image = renderer.renderImage(0, scale, ImageType.RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(png)) {
            ImageIO.write(image, "png", out);
        }
        return png.toByteArray();
    }
}
