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

    /** Each word as a regular expression for its literal text. */
    static List<String> split(String match) {
        List<String> words = new ArrayList<>();
        Matcher terms = TERMS.matcher(match);
        while (terms.find()) {
            String term = (terms.group(1) != null ? terms.group(1) : terms.group(2)).strip();
            if (term.isEmpty()) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (String part : term.split("\\s+")) {
                parts.add(Pattern.quote(part));
            }
            words.add(String.join("\\s+", parts));
        }
        return words;
    }
}
