package org.paperless.api.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One setting, read the same way in every bundle: the configured key when it is not blank, else the
 * {@code PAPERLESS_*} environment variable when it is not blank, else the default. Values are stripped
 * of surrounding white space. A value that cannot be read is refused with an
 * {@link IllegalArgumentException} naming the variable and the key, so the user can fix it in either place.
 *
 * <p>Every method takes the key's name (for messages), the configured value (blank or null when the key
 * is not set), the variable's name (null when the key has none) and the default.
 */
public final class Settings {

    private static final List<String> TRUE = List.of("true", "t", "yes", "y", "1");
    private static final List<String> FALSE = List.of("false", "f", "no", "n", "0");

    private final Function<String, String> env;

    private Settings(Function<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    /** Settings over this environment: {@code System::getenv}, or {@code Map.of(...)::get} in a test. */
    public static Settings of(Function<String, String> env) {
        return new Settings(env);
    }

    /** The value, or {@code fallback} (which may be null) when neither the key nor the variable is set. */
    public String string(String key, String configured, String variable, String fallback) {
        String value = blankToNull(configured);
        if (value == null && variable != null) {
            value = blankToNull(env.apply(variable));
        }
        return value == null ? fallback : value;
    }

    /** paperless-ngx's spellings, in any case: true, t, yes, y, 1 and false, f, no, n, 0. */
    public boolean bool(String key, String configured, String variable, boolean fallback) {
        String value = string(key, configured, variable, null);
        if (value == null) {
            return fallback;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (TRUE.contains(lower)) {
            return true;
        }
        if (FALSE.contains(lower)) {
            return false;
        }
        throw refused(key, variable, "must be true or false (yes/no, 1/0 work too)", value);
    }

    /** A whole number such as 300 or -1. */
    public int integer(String key, String configured, String variable, int fallback) {
        long value = longInteger(key, configured, variable, fallback);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw refused(key, variable, "is too large", Long.toString(value));
        }
        return (int) value;
    }

    /** A whole number that may exceed an int, such as a pixel count. */
    public long longInteger(String key, String configured, String variable, long fallback) {
        String value = string(key, configured, variable, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw refused(key, variable, "must be a whole number", value);
        }
    }

    /** A number of seconds, 0 or more, fractions allowed (1.5), to the millisecond. */
    public Duration seconds(String key, String configured, String variable, Duration fallback) {
        String value = string(key, configured, variable, null);
        if (value == null) {
            return fallback;
        }
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw refused(key, variable, "must be a number of seconds", value);
        }
        if (seconds.signum() < 0) {
            throw refused(key, variable, "must be a number of seconds, 0 or more", value);
        }
        try {
            return Duration.ofMillis(seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException e) {
            throw refused(key, variable, "is too large a number of seconds", value);
        }
    }

    /**
     * A list: comma-separated ({@code a, b}), or a JSON list as paperless-ngx takes it ({@code ["a", "b"]},
     * where a quoted item may hold commas and JSON escapes). Empty items are left out.
     */
    public List<String> list(String key, String configured, String variable, List<String> fallback) {
        String value = string(key, configured, variable, null);
        if (value == null) {
            return fallback;
        }
        if (value.startsWith("[") && value.endsWith("]")) {
            return ListSyntax.bracketed(value.substring(1, value.length() - 1), message -> refused(key, variable,
                    "must be a JSON list of strings or a comma-separated list (" + message + ")", value));
        }
        return Stream.of(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** One of an enum's constants, by name in any case: {@code skip_noarchive} for {@code SKIP_NOARCHIVE}. */
    public <E extends Enum<E>> E choice(String key, String configured, String variable, Class<E> type, E fallback) {
        String value = string(key, configured, variable, null);
        if (value == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        List<String> names = Stream.of(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        String allowed = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        throw refused(key, variable, "must be " + allowed, value);
    }

    private static IllegalArgumentException refused(String key, String variable, String rule, String value) {
        String name = variable == null ? key : variable + " / " + key;
        return new IllegalArgumentException(name + " " + rule + ", got '" + value + "'");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The inside of {@code [...]}: JSON strings, or bare items up to the next comma. */
    private static final class ListSyntax {

        static List<String> bracketed(String text, Function<String, IllegalArgumentException> error) {
            List<String> items = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c) || c == ',') {
                    i++;
                } else if (c == '"') {
                    StringBuilder item = new StringBuilder();
                    i = quoted(text, i + 1, item, error);
                    int next = skipSpace(text, i);
                    if (next < text.length() && text.charAt(next) != ',') {
                        throw error.apply("text after a quoted item");
                    }
                    items.add(item.toString());
                    i = next;
                } else {
                    int end = text.indexOf(',', i);
                    end = end < 0 ? text.length() : end;
                    items.add(text.substring(i, end).strip());
                    i = end;
                }
            }
            items.removeIf(String::isEmpty);
            return List.copyOf(items);
        }

        /** Reads a JSON string's content from {@code start} (after the opening quote); returns the index after its end. */
        private static int quoted(String text, int start, StringBuilder out, Function<String, IllegalArgumentException> error) {
            int i = start;
            while (i < text.length()) {
                char c = text.charAt(i++);
                if (c == '"') {
                    return i;
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (i >= text.length()) {
                    break;
                }
                char escaped = text.charAt(i++);
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (i + 4 > text.length()) {
                            throw error.apply("a \\u escape needs four hex digits");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(i, i + 4), 16));
                        } catch (NumberFormatException e) {
                            throw error.apply("a \\u escape needs four hex digits");
                        }
                        i += 4;
                    }
                    default -> throw error.apply("unknown escape \\" + escaped);
                }
            }
            throw error.apply("a quote is not closed");
        }

        private static int skipSpace(String text, int i) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i;
        }
    }
}
