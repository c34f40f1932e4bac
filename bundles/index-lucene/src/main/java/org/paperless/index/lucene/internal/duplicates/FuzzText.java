package org.paperless.index.lucene.internal.duplicates;

/**
 * The text paperless-ngx's fuzzy match compares: rapidfuzz's default processing of the content, one code
 * point at a time (Python strings are code points): letters and numbers in lower case, anything else a
 * space, spaces trimmed at both ends only (inner runs stay, they count in the ratio).
 */
final class FuzzText {

    private FuzzText() {
    }

    /** The processed text as code points. */
    static int[] process(String content) {
        int[] points = content.codePoints().map(FuzzText::map).toArray();
        int start = 0;
        int end = points.length;
        while (end > start && points[end - 1] == ' ') {
            end--;
        }
        while (start < end && points[start] == ' ') {
            start++;
        }
        return start == 0 && end == points.length ? points : java.util.Arrays.copyOfRange(points, start, end);
    }

    /** Python's isalnum (letters, decimal digits, other numerals) maps to its simple lower case, the rest to a space. */
    static int map(int codePoint) {
        if (Character.isLetter(codePoint)) {
            return Character.toLowerCase(codePoint);
        }
        return switch (Character.getType(codePoint)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER ->
                    Character.toLowerCase(codePoint);
            default -> ' ';
        };
    }

    /**
     * paperless-ngx leaves out every pair where a content is empty after Python's {@code strip()}, whose
     * whitespace also takes in the no-break spaces and the separators U+001C-U+001F and U+0085.
     */
    static boolean blank(String content) {
        return content.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || cp == 0x85);
    }
}
