package org.paperless.parser.pdf.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;

/**
 * Draws page 1 as an RGB PNG 400 pixels wide, or smaller to fit 400 x 5000 (paperless-ngx fits 500 x 5000)
 * and the pixel limit: a page of any size gets a thumbnail of a few megabytes at most.
 */
class PdfThumbnailRenderer {

    static final int TARGET_WIDTH = 400;
    static final int MAX_HEIGHT = 5000;

    byte[] renderFirstPage(PDDocument document, String name, PdfLimits limits) throws IOException {
        float dpi;
        try {
            dpi = PageRaster.fittingDpi(document.getPage(0), TARGET_WIDTH, MAX_HEIGHT, limits.maxImagePixels());
        } catch (IOException e) {
            throw new IOException("page 1: " + e.getMessage(), e);
        }
        BoundedPdfRenderer renderer = new BoundedPdfRenderer(document, name, limits);
        // Subsampling large embedded images keeps memory low; nobody sees the difference at 400 px.
        renderer.setSubsamplingAllowed(true);
        BufferedImage image = renderer.renderImageWithDPI(0, dpi, ImageType.RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        // ImageIO would otherwise buffer through a temporary file for every thumbnail.
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(png)) {
            ImageIO.write(image, "png", out);
        }
        return png.toByteArray();
    }
}
