package org.paperless.matching.internal;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.text.similarity.LongestCommonSubsequence;
import org.paperless.api.text.Deadline;

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

    /**
     * Whether the partial ratio reaches {@code cutoff} (0-100). Each window compared costs up to m squared
     * steps, and a long text has many windows: the search counts its steps against {@code deadline}.
     *
     * @throws Deadline.Expired when the deadline passes first
     */
    static boolean partialRatioAtLeast(String a, String b, double cutoff, Deadline deadline) {
        String needle = a.length() <= b.length() ? a : b;
        String hay = a.length() <= b.length() ? b : a;
        int m = needle.length();
        if (m == 0) {
            return false;
        }
        Counts wanted = new Counts();
        for (int i = 0; i < m; i++) {
            wanted.add(needle.charAt(i), 1);
        }
        int minShared = (int) Math.ceil(cutoff / 100.0 * m);
        BitSet starts = candidateStarts(needle, hay, cutoff, deadline);
        CharSequence guarded = deadline.guard(hay);
        for (int first = starts.nextSetBit(0), last; first >= 0; first = starts.nextSetBit(last + 1)) {
            last = starts.nextClearBit(first) - 1;
            if (scan(needle, guarded, wanted, minShared, first, last, cutoff)) {
                return true;
            }
        }
        return false;
    }

    /** Slides the window from {@code first} to {@code last} start, computing the ratio where the counts allow it. */
    private static boolean scan(String needle, CharSequence hay, Counts wanted, int minShared, int first, int last,
            double cutoff) {
        int m = needle.length();
        Counts window = new Counts();
        int shared = 0;
        for (int i = first; i < first + m; i++) {
            shared += window.add(hay.charAt(i), 1) <= wanted.get(hay.charAt(i)) ? 1 : 0;
        }
        for (int start = first; start <= last; start++) {
            if (start > first) {
                char out = hay.charAt(start - 1);
                char in = hay.charAt(start + m - 1);
                shared -= window.add(out, -1) < wanted.get(out) ? 1 : 0;
                shared += window.add(in, 1) <= wanted.get(in) ? 1 : 0;
            }
            if (shared >= minShared && ratio(needle, hay.subSequence(start, start + m)) >= cutoff) {
                return true;
            }
        }
        return false;
    }

    /**
     * The window starts worth scanning: a window reaching the cut-off contains one of the needle's pieces
     * exactly (see {@link #mayReach}), so it starts at most m characters before an occurrence. A set of
     * starts, not a list of ranges: a piece may occur at nearly every position of a long text.
     */
    static BitSet candidateStarts(String needle, String hay, double cutoff, Deadline deadline) {
        int m = needle.length();
        int lastStart = hay.length() - m;
        BitSet starts = new BitSet(Math.max(0, lastStart + 1));
        if (lastStart < 0) {
            return starts;
        }
        int k = (int) Math.floor(m * (1 - cutoff / 100.0) + 1e-9);
        int pieces = 2 * k + 1;
        for (int p = 0; p < pieces; p++) {
            int from = (int) ((long) m * p / pieces);
            int to = (int) ((long) m * (p + 1) / pieces);
            if (to <= from) {
                continue;
            }
            String piece = needle.substring(from, to);
            for (int at = hay.indexOf(piece); at >= 0; at = hay.indexOf(piece, at + 1)) {
                deadline.tick();
                int last = Math.min(lastStart, at);
                int first = Math.max(0, at - m + (to - from));
                if (first <= last) {
                    starts.set(first, last + 1);
                }
            }
        }
        return starts;
    }

    /**
     * A necessary condition, cheap to test: a window reaching the cut-off differs from the needle by at most
     * k = m - LCS needle characters and k window characters, which can spoil at most 2k of 2k + 1 disjoint
     * pieces of the needle; so one piece occurs in the text exactly.
     */
    static boolean mayReach(String needle, String hay, double cutoff) {
        int m = needle.length();
        int k = (int) Math.floor(m * (1 - cutoff / 100.0) + 1e-9);
        int pieces = 2 * k + 1;
        for (int p = 0; p < pieces; p++) {
            int from = (int) ((long) m * p / pieces);
            int to = (int) ((long) m * (p + 1) / pieces);
            if (to > from && hay.contains(needle.substring(from, to))) {
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
