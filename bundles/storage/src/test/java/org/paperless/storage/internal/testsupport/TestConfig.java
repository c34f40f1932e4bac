package org.paperless.storage.internal.testsupport;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.paperless.storage.internal.config.StorageConfig;

/** A StorageConfig as Declarative Services builds it from a configuration: given keys as text, else the defaults. */
public final class TestConfig {

    private TestConfig() {
    }

    public static StorageConfig storage(Map<String, ?> values) {
        return (StorageConfig) Proxy.newProxyInstance(TestConfig.class.getClassLoader(), new Class<?>[] {StorageConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> StorageConfig.class;
                    case "toString" -> "StorageConfig" + values.keySet();
                    case "hashCode" -> values.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> values.containsKey(method.getName()) ? String.valueOf(values.get(method.getName()))
                            : method.getDefaultValue();
                });
    }
}
