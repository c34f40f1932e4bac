package org.paperless.index.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.junit.jupiter.api.Test;

/** Where snippets may start and end. */
class WordStartsTest {

    private static List<Integer> forward(BreakIterator it) {
        List<Integer> found = new ArrayList<>();
        for (int at = it.first(); at != BreakIterator.DONE; at = it.next()) {
            found.add(at);
        }
        return found;
    }

    private static List<Integer> backward(BreakIterator it) {
        List<Integer> found = new ArrayList<>();
        for (int at = it.last(); at != BreakIterator.DONE; at = it.previous()) {
            found.add(0, at);
        }
        return found;
    }

    @Test
    void wordsStartAfterWhiteSpaceAndEveryIdeographStandsAlone() {
        WordStarts it = new WordStarts();
        it.setText("Bitte  zahlen\nSie 中文");
        assertEquals(List.of(0, 7, 14, 18, 19, 20), forward(it));
        assertEquals(List.of(0, 7, 14, 18, 19, 20), backward(it));
        assertEquals(14, it.following(8));
        assertEquals(14, it.current());
        assertEquals(7, it.preceding(14));
        assertEquals(0, it.preceding(7));
        assertEquals(BreakIterator.DONE, it.preceding(0));
        assertEquals(BreakIterator.DONE, it.following(20));
        assertTrue(it.isBoundary(7));
        assertFalse(it.isBoundary(8));
        assertEquals(14, it.current(), "isBoundary moves to the next boundary when it says no");
        it.first();
        assertEquals(14, it.next(2));
        assertEquals(0, it.next(-2));
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsNeverCutInTwo() {
        WordStarts it = new WordStarts();
        it.setText("a \uD840\uDC00\uD840\uDC01 b");
        assertEquals(List.of(0, 2, 4, 6, 7, 8), forward(it));
    }

    @Test
    void boundariesCountFromWhereTheCharacterIteratorStarts() {
        WordStarts it = new WordStarts();
        it.setText(new StringCharacterIterator("xx ab cd", 3, 8, 3));
        assertEquals(List.of(3, 6, 8), forward(it));
        assertEquals(6, it.following(4));
    }

    @Test
    void anEmptyTextHasOneBoundary() {
        WordStarts it = new WordStarts();
        it.setText("");
        assertEquals(List.of(0), forward(it));
        assertEquals(BreakIterator.DONE, it.following(0));
    }

    @Test
    void passagesAroundAWordComeCloseToTheLengthGoal() {
        String text = "Sehr geehrte Damen und Herren, ".repeat(20) + "die Kündigung erreicht uns rechtzeitig. "
                + "Mit freundlichen Grüßen aus Musterstadt ".repeat(20);
        int word = text.indexOf("Kündigung");
        BreakIterator passages = LengthGoalBreakIterator.createClosestToLength(new WordStarts(), 160, 0.5f);
        passages.setText(text);
        int start = passages.preceding(word + 1);
        int end = passages.following(word + "Kündigung".length() - 1);
        assertTrue(start <= word && end >= word + "Kündigung".length(), start + ".." + end);
        assertTrue(end - start > 120 && end - start < 200, "passage of " + (end - start) + " characters");
        assertTrue(start == 0 || Character.isWhitespace(text.charAt(start - 1)), "starts at a word");
    }
}
