package org.paperless.matching.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One document's text with what the rules keep asking of it, worked out once: its words (as written and
 * lower-cased), and the text without punctuation for the fuzzy rules.
 */
final class DocumentText {

    static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\w\\s]", Pattern.UNICODE_CHARACTER_CLASS);

    private final String text;
    private Set<String> words;
    private Set<String> lowerWords;
    private String stripped;
    private String strippedLower;
    private String lower;

    DocumentText(String text) {
        this.text = text == null ? "" : text;
    }

    String text() {
        return text;
    }

    /** Whether the term is one word as the text's words are cut (word characters only). */
    static boolean isWord(String term) {
        return WORD.matcher(term).matches();
    }

    String lowerText() {
        if (lower == null) {
            lower = text.toLowerCase(Locale.ROOT);
        }
        return lower;
    }

    /** Whether every word of {@code phrase} occurs somewhere in the text: a match is impossible otherwise. */
    boolean mayContain(String phrase, boolean insensitive) {
        Set<String> known = insensitive ? lowerWords() : words();
        Matcher m = WORD.matcher(insensitive ? phrase.toLowerCase(Locale.ROOT) : phrase);
        while (m.find()) {
            if (!known.contains(m.group())) {
                return false;
            }
        }
        return true;
    }

    String withoutPunctuation(boolean lower) {
        if (stripped == null) {
            stripped = PUNCTUATION.matcher(text).replaceAll("");
        }
        if (!lower) {
            return stripped;
        }
        if (strippedLower == null) {
            strippedLower = stripped.toLowerCase(Locale.ROOT);
        }
        return strippedLower;
    }

    private Set<String> words() {
        if (words == null) {
            words = new HashSet<>();
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                words.add(m.group());
            }
        }
        return words;
    }

    private Set<String> lowerWords() {
        if (lowerWords == null) {
            lowerWords = new HashSet<>();
            for (String word : words()) {
                lowerWords.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return lowerWords;
    }
}
