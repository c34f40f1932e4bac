package org.paperless.api.ocr;

/**
 * The keys of the OCR settings (PID {@value #PID}, file etc/org.paperless.ocr.cfg), read by the OCR
 * engine and by the PDF parser: declared once here, so both read the same keys, as a component property
 * type ({@code @Activate void activate(OcrConfig config)}). Every key is text, empty when not set: an empty
 * key falls back to the paperless-ngx environment variable, then to the default (read them with
 * {@link org.paperless.api.config.Settings}). The descriptions that configuration tools show are in the
 * OCR bundle, which designates this PID.
 */
public @interface OcrConfig {

    String PID = "org.paperless.ocr";

    /**
     * PAPERLESS_OCR_MODE: skip (OCR only PDFs without text; the default), skip_noarchive (the same, and no
     * archive copy of PDFs with text), redo or force (OCR every PDF).
     */
    String mode() default "";

    /** PAPERLESS_OCR_LANGUAGE: Tesseract language(s), '+'-joined, e.g. deu+eng; default eng. */
    String language() default "";

    /**
     * PAPERLESS_OCR_MAX_IMAGE_PIXELS: images, also those inside PDFs, with more pixels are refused before they
     * are decoded; 0 = no limit; default 89478485.
     */
    String maxImagePixels() default "";

    /** PAPERLESS_OCR_IMAGE_DPI: resolution assumed for images that do not record one; default 300. */
    String imageDpi() default "";

    /** PAPERLESS_OCR_PAGES: OCR only this many pages from the first; 0 = every page (the default). */
    String pages() default "";

    /** PAPERLESS_OCR_THREADS: pages read at the same time, one Tesseract engine each; 0 = the number of cores (the default). */
    String threads() default "";
}
