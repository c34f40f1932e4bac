package org.paperless.ocr.tesseract.internal;

import java.util.function.Function;
import java.util.regex.Pattern;

import org.paperless.api.config.Settings;
import org.paperless.api.ocr.OcrConfig;

/**
 * The effective OCR settings: a configured key wins, else the {@code PAPERLESS_*} environment variable,
 * else the default (paperless-ngx's own defaults where it has one).
 */
record OcrSettings(String language, long maxImagePixels, int imageDpi, int threads, String tessdataPath, int pages) {

    static final String DEFAULT_LANGUAGE = "eng";
    /** Pillow's default decompression-bomb limit, which paperless-ngx inherits. */
    static final long DEFAULT_MAX_IMAGE_PIXELS = 89_478_485L;
    static final int DEFAULT_IMAGE_DPI = 300;
    static final String DEFAULT_TESSDATA = "/usr/share/tesseract-ocr/5/tessdata";
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_]+(\\+[A-Za-z0-9_]+)*");

    OcrSettings {
        if (!LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("OCR language '" + language
                    + "' is not a '+'-joined list of Tesseract language codes such as eng+deu");
        }
        if (pages < 1) {
            throw new IllegalArgumentException("pages must be positive, not " + pages);
        }
        if (imageDpi < 1) {
            throw new IllegalArgumentException("imageDpi must be positive, not " + imageDpi);
        }
    }

    /** Whether the page at this index (from 0) is read by OCR; later ones go into the archive as pictures. */
    boolean ocrs(int pageIndex) {
        return pageIndex < pages;
    }

    static OcrSettings from(OcrConfig config, Function<String, String> env) {
        Settings s = Settings.of(env);
        String language = s.string("language", config.language(), "PAPERLESS_OCR_LANGUAGE", DEFAULT_LANGUAGE);
        long maxPixels = s.longInteger("maxImagePixels", config.maxImagePixels(), "PAPERLESS_OCR_MAX_IMAGE_PIXELS",
                DEFAULT_MAX_IMAGE_PIXELS);
        int dpi = s.integer("imageDpi", config.imageDpi(), "PAPERLESS_OCR_IMAGE_DPI", DEFAULT_IMAGE_DPI);
        int threads = s.integer("threads", config.threads(), "PAPERLESS_OCR_THREADS", 0);
        int pages = s.integer("pages", config.pages(), "PAPERLESS_OCR_PAGES", 0);
        // Where Tesseract's own tools look too; no key of ours.
        String tessdata = s.string("tessdata", null, "TESSDATA_PREFIX", DEFAULT_TESSDATA);
        return new OcrSettings(language, maxPixels <= 0 ? Long.MAX_VALUE : maxPixels, dpi,
                threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads, tessdata,
                pages <= 0 ? Integer.MAX_VALUE : pages);
    }
}
