package org.paperless.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How an object's {@code match} text is compared with a document's content; codes as in paperless-ngx. */
public enum MatchingAlgorithm {
    NONE(0), ANY(1), ALL(2), LITERAL(3), REGEX(4), FUZZY(5), AUTO(6);

    private final int code;

    MatchingAlgorithm(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static MatchingAlgorithm fromCode(int code) {
        for (MatchingAlgorithm a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown matching algorithm code " + code + "; use 0-6");
    }

    /** Accepts a name ("any", "Regex") or a paperless-ngx code ("1"). */
    public static MatchingAlgorithm parse(String text) {
        String t = text.trim();
        if (t.matches("\\d+")) {
            return fromCode(Integer.parseInt(t));
        }
        try {
            return valueOf(t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown matching algorithm '" + text + "'; use one of "
                    + Arrays.stream(values()).map(a -> a.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
