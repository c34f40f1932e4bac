package org.paperless.mail.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * paperless-ngx's attachment name filters: comma-separated globs ({@code *} any run of characters, {@code ?}
 * one), each matched against the whole file name, case-insensitively.
 */
final class Globs {

    private final List<Pattern> patterns;

    private Globs(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    /** Null or blank: no glob at all. */
    static Globs of(String text) {
        List<Pattern> patterns = new ArrayList<>();
        if (text != null) {
            for (String glob : text.split(",")) {
                if (!glob.isBlank()) {
                    patterns.add(compile(glob.strip()));
                }
            }
        }
        return new Globs(List.copyOf(patterns));
    }

    boolean isEmpty() {
        return patterns.isEmpty();
    }

    boolean matchesAny(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return patterns.stream().anyMatch(p -> p.matcher(name).matches());
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
