package org.paperless.ocr.tesseract.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.paperless.api.ocr.OcrConfig;

/** An OcrConfig as Declarative Services builds it from a configuration: given keys as text, else the defaults. */
final class TestConfig {

    private TestConfig() {
    }

    static OcrConfig ocr(Map<String, ?> values) {
        return (OcrConfig) Proxy.newProxyInstance(TestConfig.class.getClassLoader(), new Class<?>[] {OcrConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> OcrConfig.class;
                    case "toString" -> "OcrConfig" + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> values.containsKey(method.getName()) ? String.valueOf(values.get(method.getName()))
                            : method.getDefaultValue();
                });
    }
}
