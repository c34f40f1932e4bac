package org.paperless.parser.pdf.internal;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * How big a page becomes when PDFBox renders it, and the resolutions that keep every rendering within the
 * pixel limit: a page that does not fit is refused, never rendered at whatever resolution it takes.
 */
final class PageRaster {

    /** The resolution Tesseract reads best at. */
    static final int OCR_DPI = 300;
    /** Below this OCR reads nothing useful, so a page that needs less is refused instead. */
    static final int MIN_OCR_DPI = 50;
    private static final double POINTS_PER_INCH = 72;

    private PageRaster() {
    }

    /** Width and height in points as the page is shown, i.e. after its /Rotate; what PDFBox renders. */
    static double[] displayedSize(PDPage page) {
        PDRectangle box = page.getCropBox();
        double width = box.getWidth();
        double height = box.getHeight();
        boolean sideways = Math.floorMod(page.getRotation(), 180) == 90;
        return sideways ? new double[] {height, width} : new double[] {width, height};
    }

    /** Pixels of the page at {@code dpi}, with PDFBox's own rounding; Long.MAX_VALUE for a nonsensical size. */
    static long pixels(double[] size, double dpi) {
        double width = Math.max(Math.floor(size[0] * dpi / POINTS_PER_INCH), 1);
        double height = Math.max(Math.floor(size[1] * dpi / POINTS_PER_INCH), 1);
        double pixels = width * height;
        return Double.isFinite(pixels) && pixels < Long.MAX_VALUE ? (long) pixels : Long.MAX_VALUE;
    }

    /**
     * One resolution for all pages (the OCR service takes one): 300 dpi, lowered as far as 50 dpi so the
     * largest page fits the pixel limit.
     *
     * @throws PdfRefusedException naming the first page that does not fit even at 50 dpi
     */
    static int ocrDpi(PDDocument document, String name, long maxPixels) throws PdfRefusedException {
        int dpi = OCR_DPI;
        int number = 0;
        for (PDPage page : document.getPages()) {
            number++;
            double[] size = displayedSize(page);
            if (pixels(size, MIN_OCR_DPI) > maxPixels) {
                throw new PdfRefusedException(String.format(
                        "Page %d of %s is %.0f x %.0f points (%.0f x %.0f inches): even at %d dpi, the lowest"
                                + " resolution OCR reads at, it would be %d pixels, more than the limit of %d"
                                + " (maxImagePixels in org.paperless.ocr, PAPERLESS_OCR_MAX_IMAGE_PIXELS). Crop"
                                + " or split that page, or raise the limit if the server has the memory for it"
                                + " (4 bytes a pixel)",
                        number, name, size[0], size[1], size[0] / POINTS_PER_INCH, size[1] / POINTS_PER_INCH,
                        MIN_OCR_DPI, pixels(size, MIN_OCR_DPI), maxPixels));
            }
            while (dpi > MIN_OCR_DPI && pixels(size, dpi) > maxPixels) {
                dpi = Math.max(MIN_OCR_DPI, Math.min(dpi - 1,
                        (int) (POINTS_PER_INCH * Math.sqrt(maxPixels / (size[0] * size[1])))));
            }
        }
        return dpi;
    }

    /** The resolution that fits the page into a box of pixels, and into the pixel limit. */
    static float fittingDpi(PDPage page, int maxWidth, int maxHeight, long maxPixels) throws IOException {
        double[] size = displayedSize(page);
        if (!(size[0] >= 1 && size[1] >= 1) || Double.isInfinite(size[0] * size[1])) {
            throw new IOException("the page has no usable size (" + size[0] + " x " + size[1] + " points)");
        }
        double dpi = Math.min(maxWidth / size[0], maxHeight / size[1]) * POINTS_PER_INCH;
        dpi = Math.min(dpi, POINTS_PER_INCH * Math.sqrt(maxPixels / (size[0] * size[1])));
        while (pixels(size, dpi) > maxPixels) {
            dpi *= 0.99;
        }
        return (float) dpi;
    }
}
