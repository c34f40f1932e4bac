package org.paperless.maintenance.internal.schedule;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Map;

/** A SchedulesConfig as Declarative Services builds it: the given keys, else the defaults (empty). */
final class TestSchedulesConfig {

    private TestSchedulesConfig() {
    }

    static SchedulesConfig of(Map<String, String> values) {
        return (SchedulesConfig) Proxy.newProxyInstance(TestSchedulesConfig.class.getClassLoader(),
                new Class<?>[] {SchedulesConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> (Class<? extends Annotation>) SchedulesConfig.class;
                    case "toString" -> "SchedulesConfig" + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> values.getOrDefault(method.getName(), (String) method.getDefaultValue());
                });
    }
}
