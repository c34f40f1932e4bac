package org.paperless.matching.internal;

import java.util.HashMap;
import java.util.Map;

import org.apache.commons.text.similarity.LongestCommonSubsequence;

/**
 * The partial ratio of rapidfuzz/fuzzywuzzy that paperless-ngx's fuzzy matching uses: the best
 * similarity (2 x longest common subsequence / total length, in percent) between the shorter text and
 * any stretch of the longer one of the same length. Stretches that cannot reach the cut-off, judged by
 * the characters they share with the shorter text, are skipped without computing their subsequence.
 */
final class FuzzyRatio {

    private static final LongestCommonSubsequence LCS = new LongestCommonSubsequence();

    private FuzzyRatio() {
    }

    /** Whether the partial ratio reaches {@code cutoff} (0-100). */
    static boolean partialRatioAtLeast(String a, String b, double cutoff) {
        String needle = a.length() <= b.length() ? a : b;
        String hay = a.length() <= b.length() ? b : a;
        int m = needle.length();
        if (m == 0) {
            return false;
        }
        Counts wanted = new Counts();
        Counts window = new Counts();
        for (int i = 0; i < m; i++) {
            wanted.add(needle.charAt(i), 1);
        }
        int shared = 0;
        for (int i = 0; i < m; i++) {
            shared += window.add(hay.charAt(i), 1) <= wanted.get(hay.charAt(i)) ? 1 : 0;
        }
        int minShared = (int) Math.ceil(cutoff / 100.0 * m);
        for (int start = 0; start + m <= hay.length(); start++) {
            if (start > 0) {
                char out = hay.charAt(start - 1);
                char in = hay.charAt(start + m - 1);
                shared -= window.add(out, -1) < wanted.get(out) ? 1 : 0;
                shared += window.add(in, 1) <= wanted.get(in) ? 1 : 0;
            }
            if (shared >= minShared && ratio(needle, hay.substring(start, start + m)) >= cutoff) {
                return true;
            }
        }
        return false;
    }

    /** Character counts: an array for Latin-1, a map for the rest. */
    private static final class Counts {
        private final int[] latin = new int[256];
        private Map<Character, Integer> other;

        /** @return the new count */
        int add(char c, int delta) {
            if (c < 256) {
                return latin[c] += delta;
            }
            if (other == null) {
                other = new HashMap<>();
            }
            return other.merge(c, delta, Integer::sum);
        }

        int get(char c) {
            if (c < 256) {
                return latin[c];
            }
            return other == null ? 0 : other.getOrDefault(c, 0);
        }
    }

    static double ratio(CharSequence a, CharSequence b) {
        int total = a.length() + b.length();
        return total == 0 ? 100 : 200.0 * LCS.apply(a, b) / total;
    }
}
