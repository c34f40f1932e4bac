package org.paperless.matching.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words of an any/all rule: "quoted phrases" count as one word, whose spaces match any whitespace. */
final class MatchWords {

    private static final Pattern TERMS = Pattern.compile("\"([^\"]+)\"|(\\S+)");

    private MatchWords() {
    }

    /** The words and phrases as written. */
    static List<String> terms(String match) {
        List<String> terms = new ArrayList<>();
        Matcher found = TERMS.matcher(match);
        while (found.find()) {
            String term = (found.group(1) != null ? found.group(1) : found.group(2)).strip();
            if (!term.isEmpty()) {
                terms.add(term);
            }
        }
        return terms;
    }

    /** A term as a regular expression for its literal text, whose spaces match any whitespace. */
    static String pattern(String term) {
        List<String> parts = new ArrayList<>();
        for (String part : term.split("\\s+")) {
            parts.add(Pattern.quote(part));
        }
        return String.join("\\s+", parts);
    }
}
