package org.paperless.parser.pdf.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.paperless.api.parser.ParseException;

/** Draws page 1 as an RGB PNG about 400 pixels wide. */
class PdfThumbnailRenderer {

    static final int TARGET_WIDTH = 400;
    static final int MAX_WIDTH = 500;
    /** A page so tall or odd that its thumbnail needs more pixels than this is refused, not drawn. */
    static final long MAX_PIXELS = 4_000_000L;
    private static final float POINTS_PER_INCH = 72f;

    byte[] renderFirstPage(PDDocument document, String name) throws IOException, ParseException {
        PDPage page = document.getPage(0);
        float[] size = displayedSize(page);
        float dpi = TARGET_WIDTH * POINTS_PER_INCH / size[0];
        long width = Math.round(size[0] * dpi / POINTS_PER_INCH);
        long height = Math.round(size[1] * dpi / POINTS_PER_INCH);
        if (width > MAX_WIDTH || width * height > MAX_PIXELS) { // width only by rounding; height is the risk
            throw new ParseException("Page 1 of " + name + " is " + Math.round(size[0]) + " x "
                    + Math.round(size[1]) + " points; its thumbnail would need more than " + MAX_PIXELS
                    + " pixels, so the PDF is not read");
        }
        PDFRenderer renderer = new PDFRenderer(document);
        // Subsampling large embedded images keeps memory low; nobody sees the difference at 400 px.
        renderer.setSubsamplingAllowed(true);
        BufferedImage image = renderer.renderImageWithDPI(0, dpi, ImageType.RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    /** Width and height in points as the page is shown, i.e. after its /Rotate. */
    private static float[] displayedSize(PDPage page) throws IOException {
        PDRectangle box = page.getCropBox();
        float width = box.getWidth();
        float height = box.getHeight();
        if (!(width >= 1 && height >= 1) || Float.isInfinite(width) || Float.isInfinite(height)) {
            throw new IOException("page 1 has no usable size (" + width + " x " + height + ")");
        }
        boolean sideways = Math.floorMod(page.getRotation(), 180) == 90;
        return sideways ? new float[] {height, width} : new float[] {width, height};
    }
}
