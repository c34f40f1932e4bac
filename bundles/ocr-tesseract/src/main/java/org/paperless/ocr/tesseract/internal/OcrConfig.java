package org.paperless.ocr.tesseract.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The OCR settings (PID {@value OcrSettings#PID}). A key that is not configured falls back to the
 * environment variable named in its description, then to the default shown here.
 */
@ObjectClassDefinition(id = OcrSettings.PID, name = "Paperless OCR (Tesseract)",
        description = "How scanned images are read with Tesseract")
@interface OcrConfig {

    @AttributeDefinition(name = "Language",
            description = "Tesseract language(s), '+'-joined, e.g. eng+deu (PAPERLESS_OCR_LANGUAGE)")
    String language() default OcrSettings.DEFAULT_LANGUAGE;

    @AttributeDefinition(name = "Maximum image pixels",
            description = "Images with more pixels than this are refused before they are decoded; 0 = no limit "
                    + "(PAPERLESS_OCR_MAX_IMAGE_PIXELS)")
    long maxImagePixels() default OcrSettings.DEFAULT_MAX_IMAGE_PIXELS;

    @AttributeDefinition(name = "Image DPI",
            description = "Resolution assumed for images that do not record one (PAPERLESS_OCR_IMAGE_DPI)")
    int imageDpi() default OcrSettings.DEFAULT_IMAGE_DPI;

    @AttributeDefinition(name = "Pages",
            description = "OCR only this many pages from the first; later pages keep their text layer and go "
                    + "into the archive as pictures; 0 = all pages (PAPERLESS_OCR_PAGES)")
    int pages() default 0;

    @AttributeDefinition(name = "Threads",
            description = "Pages read at the same time, one Tesseract engine each; 0 = number of cores "
                    + "(PAPERLESS_OCR_THREADS)")
    int threads() default 0;
}
