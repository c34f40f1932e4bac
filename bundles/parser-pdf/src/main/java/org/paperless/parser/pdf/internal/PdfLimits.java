package org.paperless.parser.pdf.internal;

/**
 * What one PDF may cost to read: bytes its streams decode to (each, and all together) and pixels in one
 * image or one rendered page.
 *
 * @param maxStreamBytes the most one stream (or one stage of its filter chain) may decode to
 * @param maxDocumentBytes the most all streams of a document may decode to together
 * @param maxImagePixels the most pixels of one image, and of one page rendered for OCR
 */
record PdfLimits(long maxStreamBytes, long maxDocumentBytes, long maxImagePixels) {

    static final PdfLimits DEFAULT = new PdfLimits(256L * 1024 * 1024, 1024L * 1024 * 1024, MaxImagePixels.DEFAULT);

    PdfLimits withMaxImagePixels(long pixels) {
        return new PdfLimits(maxStreamBytes, maxDocumentBytes, pixels);
    }

    /** "256 MB" for the defaults, the exact count for odd limits. */
    static String bytes(long count) {
        long mb = 1024L * 1024;
        return count % mb == 0 ? count / mb + " MB" : count + " bytes";
    }
}
