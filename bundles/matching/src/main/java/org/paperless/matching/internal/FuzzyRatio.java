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
        Map<Character, Integer> wanted = counts(needle, 0, m);
        Map<Character, Integer> window = counts(hay, 0, m);
        int shared = shared(wanted, window);
        int minShared = (int) Math.ceil(cutoff / 100.0 * m);
        for (int start = 0; start + m <= hay.length(); start++) {
            if (start > 0) {
                shared += slide(wanted, window, hay.charAt(start - 1), hay.charAt(start + m - 1));
            }
            if (shared >= minShared && ratio(needle, hay.substring(start, start + m)) >= cutoff) {
                return true;
            }
        }
        return false;
    }

    static double ratio(CharSequence a, CharSequence b) {
        int total = a.length() + b.length();
        return total == 0 ? 100 : 200.0 * LCS.apply(a, b) / total;
    }

    private static Map<Character, Integer> counts(String text, int from, int to) {
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = from; i < to; i++) {
            counts.merge(text.charAt(i), 1, Integer::sum);
        }
        return counts;
    }

    /** Characters the window shares with the needle, counted with multiplicity: an upper bound of the subsequence. */
    private static int shared(Map<Character, Integer> wanted, Map<Character, Integer> window) {
        int shared = 0;
        for (Map.Entry<Character, Integer> e : window.entrySet()) {
            shared += Math.min(e.getValue(), wanted.getOrDefault(e.getKey(), 0));
        }
        return shared;
    }

    /** Moves the window one character on; returns the change of the shared count. */
    private static int slide(Map<Character, Integer> wanted, Map<Character, Integer> window, char out, char in) {
        int delta = 0;
        int outCount = window.merge(out, -1, Integer::sum);
        if (outCount < wanted.getOrDefault(out, 0)) {
            delta--;
        }
        int inCount = window.merge(in, 1, Integer::sum);
        if (inCount <= wanted.getOrDefault(in, 0)) {
            delta++;
        }
        return delta;
    }
}
