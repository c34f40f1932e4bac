package org.paperless.parser.pdf.internal;

import java.util.function.Function;

import org.paperless.api.config.Settings;
import org.paperless.api.ocr.OcrConfig;

/** The pixel limit for images inside PDFs: the OCR setting of the same name, so one number covers both. */
final class MaxImagePixels {

    /** Pillow's default decompression-bomb limit, which paperless-ngx inherits. */
    static final long DEFAULT = 89_478_485L;

    private MaxImagePixels() {
    }

    static long from(OcrConfig config, Function<String, String> env) {
        long limit = Settings.of(env).longInteger("maxImagePixels", config.maxImagePixels(),
                "PAPERLESS_OCR_MAX_IMAGE_PIXELS", DEFAULT);
        return limit <= 0 ? Long.MAX_VALUE : limit;
    }
}
