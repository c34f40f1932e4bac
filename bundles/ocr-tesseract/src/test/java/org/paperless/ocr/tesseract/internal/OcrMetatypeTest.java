package org.paperless.ocr.tesseract.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.paperless.api.ocr.OcrConfig;

class OcrMetatypeTest {

    /** A key read but not described would be invisible in config:edit; one described but not read would do nothing. */
    @Test
    void describesExactlyTheKeysThatAreRead() {
        assertEquals(keys(OcrConfig.class), keys(OcrMetatype.class));
    }

    private static Map<String, Object> keys(Class<?> type) {
        Map<String, Object> keys = new TreeMap<>();
        for (Method m : type.getDeclaredMethods()) {
            keys.put(m.getName() + ": " + m.getReturnType().getSimpleName(), m.getDefaultValue());
        }
        return keys;
    }
}
