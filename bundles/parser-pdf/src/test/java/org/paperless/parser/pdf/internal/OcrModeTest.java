package org.paperless.parser.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class OcrModeTest {

    @Test
    void skipReadsOnlyPdfsWithoutTextAndIsTheDefault() {
        OcrMode mode = OcrMode.from(TestConfig.ocr(Map.of()), name -> null);
        assertEquals(OcrMode.SKIP, mode);
        assertTrue(mode.ocr("  \n"));
        assertFalse(mode.ocr("Invoice 42"));
    }

    @Test
    void redoAndForceReadEveryPdf() {
        assertTrue(OcrMode.from(TestConfig.ocr(Map.of("mode", "redo")), name -> null).ocr("Invoice 42"));
        assertTrue(OcrMode.from(TestConfig.ocr(Map.of()), name -> "force").ocr("Invoice 42"));
        assertEquals(OcrMode.SKIP_NOARCHIVE, OcrMode.from(TestConfig.ocr(Map.of("mode", "skip_noarchive")), name -> "force"));
    }

    @Test
    void anUnknownModeIsRefusedWithTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OcrMode.from(TestConfig.ocr(Map.of("mode", "sometimes")), name -> null));
        assertTrue(e.getMessage().contains("skip, skip_noarchive, redo or force"));
    }
}
