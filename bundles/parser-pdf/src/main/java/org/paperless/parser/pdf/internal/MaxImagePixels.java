package org.paperless.parser.pdf.internal;

import java.util.Map;
import java.util.function.Function;

/** The pixel limit for images inside PDFs: the OCR setting of the same name, so one number covers both. */
final class MaxImagePixels {

    /** Pillow's default decompression-bomb limit, which paperless-ngx inherits. */
    static final long DEFAULT = 89_478_485L;

    private MaxImagePixels() {
    }

    static long from(Map<String, ?> properties, Function<String, String> env) {
        Object configured = properties == null ? null : properties.get("maxImagePixels");
        String value = configured != null && !configured.toString().isBlank() ? configured.toString()
                : env.apply("PAPERLESS_OCR_MAX_IMAGE_PIXELS");
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            long limit = Long.parseLong(value.strip());
            return limit <= 0 ? Long.MAX_VALUE : limit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("maxImagePixels '" + value + "' is not a number of pixels");
        }
    }
}
