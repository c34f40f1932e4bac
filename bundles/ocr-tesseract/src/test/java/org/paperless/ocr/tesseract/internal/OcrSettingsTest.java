package org.paperless.ocr.tesseract.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class OcrSettingsTest {

    @Test
    void configuredKeysWinThenEnvironmentThenDefaults() {
        Map<String, String> env = Map.of("PAPERLESS_OCR_LANGUAGE", "deu+eng", "PAPERLESS_OCR_IMAGE_DPI", "200");
        OcrSettings fromEnv = OcrSettings.from(TestConfig.ocr(Map.of()), env::get);
        assertEquals("deu+eng", fromEnv.language());
        assertEquals(200, fromEnv.imageDpi());
        assertEquals(89_478_485L, fromEnv.maxImagePixels());
        assertEquals(Runtime.getRuntime().availableProcessors(), fromEnv.threads());
        assertEquals("/usr/share/tesseract-ocr/5/tessdata", fromEnv.tessdataPath());
        assertTrue(fromEnv.ocrs(10_000), "no page limit by default");
        OcrSettings limited = OcrSettings.from(TestConfig.ocr(Map.of()), Map.of("PAPERLESS_OCR_PAGES", "2")::get);
        assertTrue(limited.ocrs(1));
        assertFalse(limited.ocrs(2));

        OcrSettings configured = OcrSettings.from(TestConfig.ocr(Map.of("language", "fra", "maxImagePixels", 1000L, "threads", 3)),
                env::get);
        assertEquals("fra", configured.language());
        assertEquals(1000L, configured.maxImagePixels());
        assertEquals(3, configured.threads());
    }

    @Test
    void aNumberThatIsNoneNamesTheVariableAndTheKey() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> OcrSettings.from(TestConfig.ocr(Map.of()), Map.of("PAPERLESS_OCR_PAGES", "all")::get));
        assertEquals("PAPERLESS_OCR_PAGES / pages must be a whole number, got 'all'", e.getMessage());
    }

    @Test
    void refusesALanguageThatIsNotAList() {
        assertThrows(IllegalArgumentException.class, () -> OcrSettings.from(TestConfig.ocr(Map.of("language", "eng; rm -rf")), k -> null));
    }
}
