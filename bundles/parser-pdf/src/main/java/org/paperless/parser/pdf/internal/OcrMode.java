package org.paperless.parser.pdf.internal;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * paperless-ngx's OCR modes for PDFs: skip (OCR only PDFs without text, the default; PDFs with text get a
 * PDF/A copy of themselves as archive), skip_noarchive (the same, but PDFs with text get no archive copy),
 * redo and force (OCR every PDF; its pages are rasterised into the archive copy).
 */
enum OcrMode {
    SKIP, SKIP_NOARCHIVE, REDO, FORCE;

    static OcrMode from(Map<String, ?> properties, Function<String, String> env) {
        Object configured = properties == null ? null : properties.get("mode");
        String value = configured != null && !configured.toString().isBlank() ? configured.toString() : env.apply("PAPERLESS_OCR_MODE");
        if (value == null || value.isBlank()) {
            return SKIP;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("OCR mode '" + value + "' is unknown; use skip, skip_noarchive, redo or force");
        }
    }

    boolean ocr(String text) {
        return this == REDO || this == FORCE || text.isBlank();
    }
}
