package org.paperless.index.lucene.internal.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** rapidfuzz's default_process as the C++ implementation does it, and Python's notion of a blank string. */
class FuzzTextTest {

    @Test
    void keepsLettersAndNumbersInLowerCaseAndMakesTheRestSpaces() {
        assertEquals("crème brûlée  42", processed("Crème BRÛLÉE, 42"));
        assertEquals("snake case", processed("snake_case")); // not alphanumeric for isalnum
        assertEquals("straße  ²   ½", processed("STRAßE: ² + ½"));
        assertEquals("i", processed("İ")); // the first character of Python's lower()
        assertEquals("ω 𝐀", processed("Ω 𝐀")); // a mathematical letter outside the BMP stays as it is
    }

    @Test
    void trimsOnlyTheEndsAndKeepsInnerRuns() {
        assertEquals("a    b", processed("  \n(a) - b!!  "));
        assertEquals("", processed(" -- ... "));
    }

    @Test
    void blankMeansWhitespaceOnlyAsPythonStripSeesIt() {
        assertTrue(FuzzText.blank(""));
        assertTrue(FuzzText.blank(" \t\n\r\u000B\f\u001C\u0085\u00A0\u2007\u202F\u3000"));
        assertFalse(FuzzText.blank(" - "));
        assertFalse(FuzzText.blank("\u200B")); // a zero width space is not whitespace to Python
    }

    private static String processed(String content) {
        int[] points = FuzzText.process(content);
        return new String(points, 0, points.length);
    }
}
