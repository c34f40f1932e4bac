package org.paperless.matching.internal;

import java.util.Locale;

/**
 * The literal text a regular expression must find, when that is plain to see: a rule such as
 * {@code \bRech\w*\s+\d+} cannot match a document without "Rech". Checking that with indexOf first spares
 * the regex engine a scan that tests a Unicode word boundary at every position. Only the simplest
 * shape is read (an optional leading {@code \b}, then letters and digits); anything else has no filter.
 */
final class RegexPrefilter {

    static final int MIN_LENGTH = 3;

    private RegexPrefilter() {
    }

    /** The required literal, or null when none can be read safely. */
    static String requiredLiteral(String regex) {
        if (regex.indexOf('|') >= 0 || regex.contains("(?")) {
            return null;
        }
        String rest = regex.startsWith("\\b") ? regex.substring(2) : regex;
        int end = 0;
        while (end < rest.length() && Character.isLetterOrDigit(rest.charAt(end))) {
            end++;
        }
        if (end < rest.length() && "*?{".indexOf(rest.charAt(end)) >= 0) {
            end--; // the last letter is optional or repeated: only what comes before it is required
        }
        return end >= MIN_LENGTH ? rest.substring(0, end) : null;
    }

    static java.util.Optional<String> requiredLiteralOrEmpty(String regex) {
        return java.util.Optional.ofNullable(requiredLiteral(regex));
    }

    /** Whether the text may match: false only when the required literal is surely absent. */
    static boolean mayMatch(String literal, DocumentText text, boolean insensitive) {
        if (literal == null) {
            return true;
        }
        return insensitive ? text.lowerText().contains(literal.toLowerCase(Locale.ROOT)) : text.text().contains(literal);
    }
}
