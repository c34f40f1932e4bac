package org.paperless.commands.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Option values spelled as users type them (mark-read) for enum constants (MARK_READ). */
final class Choices {

    private Choices() {
    }

    /** Null stays null; anything not among the choices is refused with the choices listed. */
    static <E extends Enum<E>> E parse(Class<E> type, String text, String option) {
        if (text == null) {
            return null;
        }
        String wanted = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException("Unknown value '" + text + "' for " + option + ": use one of " + list(type));
    }

    /** mark-read, flag, ... */
    static <E extends Enum<E>> String list(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choices::spell).collect(Collectors.joining(", "));
    }

    static String spell(Enum<?> e) {
        return e == null ? "" : e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
