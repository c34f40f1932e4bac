package org.paperless.ocr.tesseract.internal;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The effective OCR settings: a configured key wins, else the {@code PAPERLESS_*} environment variable,
 * else the default (paperless-ngx's own defaults where it has one).
 */
record OcrSettings(String language, long maxImagePixels, int imageDpi, int threads, String tessdataPath, int pages) {

    static final String PID = "org.paperless.ocr";
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

    static OcrSettings from(Map<String, ?> properties, Function<String, String> env) {
        String language = value(properties, env, "language", "PAPERLESS_OCR_LANGUAGE", DEFAULT_LANGUAGE).trim();
        long maxPixels = Long.parseLong(value(properties, env, "maxImagePixels", "PAPERLESS_OCR_MAX_IMAGE_PIXELS",
                Long.toString(DEFAULT_MAX_IMAGE_PIXELS)).trim());
        int dpi = Integer.parseInt(value(properties, env, "imageDpi", "PAPERLESS_OCR_IMAGE_DPI",
                Integer.toString(DEFAULT_IMAGE_DPI)).trim());
        int threads = Integer.parseInt(value(properties, env, "threads", "PAPERLESS_OCR_THREADS", "0").trim());
        if (threads <= 0) {
            threads = Runtime.getRuntime().availableProcessors();
        }
        String tessdata = env.apply("TESSDATA_PREFIX");
        if (tessdata == null || tessdata.isBlank()) {
            tessdata = DEFAULT_TESSDATA;
        }
        int pages = Integer.parseInt(value(properties, env, "pages", "PAPERLESS_OCR_PAGES", "0").trim());
        return new OcrSettings(language, maxPixels <= 0 ? Long.MAX_VALUE : maxPixels, dpi, threads, tessdata,
                pages <= 0 ? Integer.MAX_VALUE : pages);
    }

    private static String value(Map<String, ?> properties, Function<String, String> env, String key, String envName,
            String fallback) {
        Object configured = properties == null ? null : properties.get(key);
        if (configured != null && !configured.toString().isBlank()) {
            return configured.toString();
        }
        String fromEnv = env.apply(envName);
        return fromEnv == null || fromEnv.isBlank() ? fallback : fromEnv;
    }
}
