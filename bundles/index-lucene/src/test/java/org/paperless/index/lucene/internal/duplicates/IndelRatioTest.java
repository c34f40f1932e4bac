package org.paperless.index.lucene.internal.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The bit-parallel LCS against the textbook table, and ratios rapidfuzz documents. */
class IndelRatioTest {

    private final IndelRatio ratio = new IndelRatio();

    @Test
    void equalsTheDynamicProgrammeOnRandomTexts() {
        Random random = new Random(7);
        for (int round = 0; round < 400; round++) {
            int[] a = randomText(random, random.nextInt(300));
            int[] b = random.nextBoolean() ? mutate(random, a) : randomText(random, random.nextInt(300));
            assertEquals(table(a, b), ratio.lcs(a, b), "round " + round);
        }
    }

    @Test
    void crossesWordBoundariesAndSupplementaryCharacters() {
        Random random = new Random(11);
        for (int length : new int[] {63, 64, 65, 127, 128, 129, 700}) {
            int[] a = randomText(random, length);
            a[length / 2] = 0x1D400; // a letter outside the BMP
            int[] b = mutate(random, a);
            assertEquals(table(a, b), ratio.lcs(a, b), "length " + length);
        }
    }

    @Test
    void blockByBlockGivesTheSameAsWholeTables() {
        // Tables of 40 longs at most: about one word per block for these alphabets.
        IndelRatio blocks = new IndelRatio(40);
        Random random = new Random(5);
        for (int round = 0; round < 300; round++) {
            int[] a = randomText(random, 1 + random.nextInt(500));
            int[] b = round % 2 == 0 ? mutate(random, mutate(random, a)) : randomText(random, 1 + random.nextInt(500));
            long exact = table(a, b);
            assertEquals(exact, blocks.lcs(a, b), "round " + round);
            for (int min : new int[] {0, 50, 70, 85}) {
                double expected = IndelRatio.passes(IndelRatio.similarity(exact, a.length, b.length), min)
                        ? IndelRatio.ratio(exact, a.length, b.length) : -1;
                assertEquals(expected, blocks.ratio(a, b, min), "round " + round + " at " + min);
            }
        }
    }

    @Test
    void matchesRapidfuzzExamples() {
        // fuzz.ratio("this is a test", "this is a test!") == 96.55172413793103
        assertEquals(96.55172413793103, ratio.ratio(cp("this is a test"), cp("this is a test!"), 0), 1e-12);
        // fuzz.ratio("fuzzy wuzzy was a bear", "wuzzy fuzzy was a bear") == 90.9090909090909
        assertEquals(90.9090909090909, ratio.ratio(cp("fuzzy wuzzy was a bear"), cp("wuzzy fuzzy was a bear"), 0), 1e-12);
        assertEquals(100, ratio.ratio(cp(""), cp(""), 0));
        assertEquals(0, ratio.ratio(cp(""), cp("abc"), 0));
    }

    @Test
    void cutOffNeverLosesAPairThatPasses() {
        Random random = new Random(3);
        for (int round = 0; round < 600; round++) {
            int[] a = randomText(random, 1 + random.nextInt(700));
            int[] b = switch (round % 3) {
                case 0 -> mutate(random, a);
                case 1 -> mutate(random, mutate(random, mutate(random, a)));
                default -> randomText(random, 1 + random.nextInt(700));
            };
            long lcs = table(a, b);
            double exact = IndelRatio.ratio(lcs, a.length, b.length);
            for (int min : new int[] {0, 30, 50, 60, 70, 85, 95, 100}) {
                double cut = ratio.ratio(a, b, min);
                if (IndelRatio.passes(IndelRatio.similarity(lcs, a.length, b.length), min)) {
                    assertEquals(exact, cut, "round " + round + " at " + min);
                } else {
                    assertTrue(cut < 0, "round " + round + " at " + min);
                }
            }
        }
    }

    @Test
    void aRatioOfExactlyTheCutOffPasses() {
        // LCS 17 over 17 + 23 characters: (1 - 6/40) * 100 == 85.0 in floating point, as in Python.
        int[] a = cp("abcdefghijklmnopq");
        int[] b = cp("abcdefghijklmnopqrstuvw");
        assertEquals(85.0, ratio.ratio(a, b, 85));
        assertTrue(ratio.ratio(a, b, 86) < 0);
    }

    @Test
    void keepsAPairJustAtTheCutOffAndDropsOneJustBelowWhereverTheDifferencesLie() {
        // 2,000 characters: 32 words. Leaving out d of them gives 200 (n - d) / (2n - d), 85.02 for d = 521 and
        // 84.99 for d = 522; shifting the text by s (s left out at one end, s foreign characters at the other)
        // gives 100 (n - s) / n, exactly 85 for s = 300. Each way the path of the LCS runs along an edge of the
        // cells the search keeps.
        int[] a = randomText(new Random(17), 2000);
        for (int d : new int[] {521, 522}) {
            assertCutOff(a, cut(a, 0, d), 85);
            assertCutOff(a, cut(a, a.length - d, a.length), 85);
            assertCutOff(a, spreadCut(a, d), 85);
            assertCutOff(cut(a, 0, d), a, 85);
            assertCutOff(spreadCut(a, d), a, 85);
        }
        for (int s : new int[] {300, 301}) {
            assertCutOff(a, concat(cut(a, 0, s), foreign(s)), 85);
            assertCutOff(a, concat(foreign(s), cut(a, a.length - s, a.length)), 85);
        }
        assertEquals(85.0, ratio.ratio(a, concat(cut(a, 0, 300), foreign(300)), 85));
        assertTrue(ratio.ratio(a, concat(cut(a, 0, 301), foreign(301)), 85) < 0);
        assertTrue(ratio.ratio(a, cut(a, 0, 522), 85) < 0);
        assertTrue(ratio.ratio(a, cut(a, 0, 521), 85) > 85);
    }

    @Test
    void cutOffNeverLosesAPairThatPassesInLongTexts() {
        Random random = new Random(23);
        for (int round = 0; round < 40; round++) {
            int[] a = randomText(random, 1000 + random.nextInt(2000));
            int[] b = a;
            for (int rounds = round % 4; rounds >= 0; rounds--) {
                b = mutate(random, b);
            }
            if (round % 5 == 0) {
                // Characters the pattern lacks, in and beyond the BMP, take the table's empty row.
                b = concat(b, new int[] {'7', 0x1D401, 'x', 0x4E00});
            }
            long lcs = table(a, b);
            for (int min : new int[] {70, 80, 85, 90, 95}) {
                double cut = ratio.ratio(a, b, min);
                if (IndelRatio.passes(IndelRatio.similarity(lcs, a.length, b.length), min)) {
                    assertEquals(IndelRatio.ratio(lcs, a.length, b.length), cut, "round " + round + " at " + min);
                } else {
                    assertTrue(cut < 0, "round " + round + " at " + min);
                }
            }
        }
    }

    @Test
    void smallAlphabetsAroundWordEdgesLoseNothing() {
        // Texts of two to five letters, one to three words long: where the band's right edge is taken in a word
        // early enough for every row of a pass. One row too late loses pairs within the first 1,400 rounds.
        Random random = new Random(99);
        for (int round = 0; round < 3000; round++) {
            int[] a = letters(random, 1 + random.nextInt(200), 2 + random.nextInt(4));
            int[] b = random.nextBoolean() ? flip(random, a) : letters(random, 1 + random.nextInt(200), 2 + random.nextInt(4));
            long lcs = table(a, b);
            for (int min : new int[] {50, 60, 70, 80, 85, 90}) {
                if (IndelRatio.passes(IndelRatio.similarity(lcs, a.length, b.length), min)) {
                    assertEquals(IndelRatio.ratio(lcs, a.length, b.length), ratio.ratio(a, b, min),
                            "round " + round + " at " + min);
                }
            }
        }
    }

    @Test
    void stopsEarlyOnUnrelatedTexts() {
        Random random = new Random(29);
        int[] a = randomText(random, 3000);
        int[] b = randomText(random, 3000);
        long everyCell = 3000L * ((3000 + 62) / 63);
        ratio.usePattern(a);
        assertTrue(ratio.ratio(b, 85) < 0);
        // About 6,800: the band narrows as the texts part. A fixed band stopped at the same row takes 11,000.
        assertTrue(ratio.steps() < everyCell / 16, "word steps " + ratio.steps() + " of " + everyCell);
        ratio.usePattern(a);
        assertEquals(100.0, ratio.ratio(a.clone(), 85));
        // Equal texts keep the whole band, 15% of the characters either way of the diagonal.
        assertTrue(ratio.steps() < everyCell / 2, "word steps " + ratio.steps() + " of " + everyCell);
    }

    private static int[] letters(Random random, int length, int alphabet) {
        int[] text = new int[length];
        for (int i = 0; i < length; i++) {
            text[i] = 'a' + random.nextInt(alphabet);
        }
        return text;
    }

    /** A tenth of the letters changed: left out, turned into b, or followed by an a. */
    private static int[] flip(Random random, int[] text) {
        StringBuilder out = new StringBuilder();
        for (int c : text) {
            int dice = random.nextInt(10);
            if (dice == 0) {
                continue;
            }
            out.appendCodePoint(dice == 1 ? 'b' : c);
            if (dice == 2) {
                out.append('a');
            }
        }
        return out.codePoints().toArray();
    }

    private void assertCutOff(int[] a, int[] b, int minRatio) {
        long lcs = table(a, b);
        double expected = IndelRatio.passes(IndelRatio.similarity(lcs, a.length, b.length), minRatio)
                ? IndelRatio.ratio(lcs, a.length, b.length) : -1;
        assertEquals(expected, ratio.ratio(a, b, minRatio), a.length + " and " + b.length + " characters");
    }

    private static int[] cut(int[] text, int from, int to) {
        int[] out = new int[text.length - (to - from)];
        System.arraycopy(text, 0, out, 0, from);
        System.arraycopy(text, to, out, from, text.length - to);
        return out;
    }

    /** The text without {@code count} characters spread evenly over it. */
    private static int[] spreadCut(int[] text, int count) {
        int[] out = new int[text.length - count];
        int kept = 0;
        for (int i = 0; i < text.length; i++) {
            if ((long) (i + 1) * count / text.length == (long) i * count / text.length) {
                out[kept++] = text[i];
            }
        }
        return out;
    }

    private static int[] foreign(int length) {
        int[] out = new int[length];
        Arrays.fill(out, '0');
        return out;
    }

    private static int[] concat(int[] first, int[] second) {
        int[] out = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }

    static int[] cp(String s) {
        return s.codePoints().toArray();
    }

    private static int[] randomText(Random random, int length) {
        int[] text = new int[length];
        for (int i = 0; i < length; i++) {
            text[i] = random.nextInt(8) == 0 ? ' ' : 'a' + random.nextInt(random.nextBoolean() ? 4 : 26);
        }
        return text;
    }

    private static int[] mutate(Random random, int[] text) {
        StringBuilder out = new StringBuilder();
        for (int c : text) {
            int dice = random.nextInt(20);
            if (dice == 0) {
                continue;
            }
            out.appendCodePoint(dice == 1 ? 'z' : c);
            if (dice == 2) {
                out.append('q');
            }
        }
        return out.codePoints().toArray();
    }

    /** The O(n*m) dynamic programme. */
    static long table(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }
}
