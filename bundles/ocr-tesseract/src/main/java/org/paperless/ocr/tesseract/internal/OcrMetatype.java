package org.paperless.ocr.tesseract.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.paperless.api.ocr.OcrConfig;

/**
 * What configuration tools (config:edit, the web console) show for PID {@value OcrConfig#PID}. The keys are
 * read through {@link OcrConfig}, which the PDF parser shares; this type must declare the same keys, which
 * a test checks. It lives here because the designation of a PID must come with its bundle.
 */
@ObjectClassDefinition(id = OcrConfig.PID, name = "Paperless OCR",
        description = "OCR with Tesseract, and when PDFs are read by OCR. Empty keys fall back to the PAPERLESS_OCR_* variables.")
@interface OcrMetatype {

    @AttributeDefinition(name = "Mode", required = false,
            description = "PAPERLESS_OCR_MODE: skip (OCR only PDFs without text), skip_noarchive (the same, and no "
                    + "archive copy of PDFs with text), redo or force (OCR every PDF); default skip")
    String mode() default "";

    @AttributeDefinition(name = "Language", required = false,
            description = "PAPERLESS_OCR_LANGUAGE: Tesseract language(s), '+'-joined, e.g. deu+eng; default eng")
    String language() default "";

    @AttributeDefinition(name = "Maximum image pixels", required = false,
            description = "PAPERLESS_OCR_MAX_IMAGE_PIXELS: images (also inside PDFs) with more pixels are refused "
                    + "before they are decoded; 0 = no limit; default 89478485")
    String maxImagePixels() default "";

    @AttributeDefinition(name = "Image DPI", required = false,
            description = "PAPERLESS_OCR_IMAGE_DPI: resolution assumed for images that do not record one; default 300")
    String imageDpi() default "";

    @AttributeDefinition(name = "Pages", required = false,
            description = "PAPERLESS_OCR_PAGES: OCR only this many pages from the first; later pages keep their text "
                    + "layer and go into the archive as pictures; 0 = every page; default 0")
    String pages() default "";

    @AttributeDefinition(name = "Threads", required = false,
            description = "PAPERLESS_OCR_THREADS: pages read at the same time, one Tesseract engine each; "
                    + "0 = the number of cores; default 0")
    String threads() default "";
}
