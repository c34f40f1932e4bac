package org.paperless.parser.pdf.internal;

import java.util.function.Function;

import org.paperless.api.config.Settings;
import org.paperless.api.ocr.OcrConfig;

/**
 * paperless-ngx's OCR modes for PDFs: skip (OCR only PDFs without text, the default; PDFs with text get a
 * PDF/A copy of themselves as archive), skip_noarchive (the same, but PDFs with text get no archive copy),
 * redo and force (OCR every PDF; its pages are rasterised into the archive copy).
 */
enum OcrMode {
    SKIP, SKIP_NOARCHIVE, REDO, FORCE;

    static OcrMode from(OcrConfig config, Function<String, String> env) {
        return Settings.of(env).choice("mode", config.mode(), "PAPERLESS_OCR_MODE", OcrMode.class, SKIP);
    }

    boolean ocr(String text) {
        return this == REDO || this == FORCE || text.isBlank();
    }
}
