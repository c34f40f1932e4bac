package org.paperless.index.lucene.internal.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
