package org.paperless.index.lucene.internal.duplicates;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * rapidfuzz's {@code fuzz.ratio}: {@code 100 * (1 - indel / (len1 + len2))}, where the indel distance is
 * {@code len1 + len2 - 2 * LCS}. The longest common subsequence is computed bit-parallel (Hyyrö): one row of
 * the dynamic programme per character of one text, 63 cells of the other (the pattern) per machine word (the
 * 64th bit takes the carry of the addition, which keeps the chain between words short), so a pair costs
 * {@code len1 * len2 / 63} word steps at most. With a cut-off only a diagonal band is computed and the work
 * stops as soon as the ratio can no longer reach it.
 * <p>
 * The pattern's tables are kept between calls, so one text can be compared with many. They take a long per 63
 * characters for each distinct character: when that passes {@link #TABLE_LIMIT} (a huge text in a script with
 * thousands of characters), the pattern is done in blocks of words, each block's tables built in turn and the
 * carries between blocks kept per row, with the same result but without the early stop. Not thread-safe: one
 * instance per thread.
 */
final class IndelRatio {

    /** How often (in rows) the early stop looks at the LCS so far. */
    private static final int CHECK_EVERY = 64;
    private static final int BITS = 63;
    private static final long MASK = Long.MAX_VALUE;
    /** Longs of match tables at most (32 MB). */
    static final int TABLE_LIMIT = 1 << 22;

    /** Slot of each BMP character of the pattern, -1 when absent. */
    private final int[] slotOfBmp = new int[65536];
    private final Map<Integer, Integer> slotOfOther = new HashMap<>();
    /** Per slot, the pattern positions holding that character, {@link #words} longs each. */
    private long[] matches = new long[0];
    private long[] row = new long[0];
    private int[] pattern = new int[0];
    private int words;
    private int slots;
    private final int tableLimit;
    /** Whether the pattern is done in blocks (its tables would pass the limit). */
    private boolean blocked;

    IndelRatio() {
        this(TABLE_LIMIT);
    }

    IndelRatio(int tableLimit) {
        this.tableLimit = tableLimit;
        Arrays.fill(slotOfBmp, -1);
    }

    /** rapidfuzz's normalised Indel similarity, 0 to 1 (two empty texts are equal: 1). */
    static double similarity(long lcs, int len1, int len2) {
        long sum = (long) len1 + len2;
        if (sum == 0) {
            return 1;
        }
        return 1.0 - (double) (sum - 2 * lcs) / sum;
    }

    /** The ratio as rapidfuzz reports it. */
    static double ratio(long lcs, int len1, int len2) {
        return similarity(lcs, len1, len2) * 100;
    }

    /**
     * Whether a similarity passes {@code minRatio} as paperless-ngx tests it: rapidfuzz's cut-off on the
     * similarity, then paperless-ngx's own on the ratio.
     */
    static boolean passes(double similarity, int minRatio) {
        return similarity >= minRatio / 100.0 && similarity * 100 >= minRatio;
    }

    /** Whether texts of these lengths can pass at all (every character of the shorter one matched). */
    static boolean lengthsPass(int len1, int len2, int minRatio) {
        return passes(similarity(Math.min(len1, len2), len1, len2), minRatio);
    }

    /** The ratio of two processed texts, or -1 when it is below {@code minRatio}. */
    double ratio(int[] a, int[] b, int minRatio) {
        if (a.length <= b.length) {
            usePattern(a);
            return ratio(b, minRatio);
        }
        usePattern(b);
        return ratio(a, minRatio);
    }

    /** The exact LCS, no early stop. */
    long lcs(int[] a, int[] b) {
        usePattern(a.length <= b.length ? a : b);
        return lcs(a.length <= b.length ? b : a, 0);
    }

    /** Makes {@code text} the pattern of the following {@link #ratio(int[], int)} calls (best the shorter text). */
    void usePattern(int[] text) {
        if (text == pattern) {
            return;
        }
        clear();
        pattern = text;
        words = Math.max(1, (text.length + BITS - 1) / BITS);
        slots = 0;
        for (int c : text) {
            if (slotOf(c) < 0) {
                if (c < 65536) {
                    slotOfBmp[c] = slots;
                } else {
                    slotOfOther.put(c, slots);
                }
                slots++;
            }
        }
        blocked = (long) slots * words > tableLimit;
        if (!blocked) {
            fillTables(0, words);
        }
        if (row.length < words) {
            row = new long[words];
        }
    }

    /** The match tables of the pattern's words {@code from} (inclusive) to {@code to}, {@code to - from} longs per slot. */
    private void fillTables(int from, int to) {
        int width = to - from;
        if (matches.length < slots * width) {
            matches = new long[Math.max(slots * width, Math.min(tableLimit, matches.length * 2))];
        }
        Arrays.fill(matches, 0, slots * width, 0L);
        int end = Math.min(pattern.length, to * BITS);
        for (int i = from * BITS; i < end; i++) {
            matches[slotOf(pattern[i]) * width + i / BITS - from] |= 1L << (i % BITS);
        }
    }

    /** The ratio of the pattern and {@code other}, or -1 when it is below {@code minRatio}. */
    double ratio(int[] other, int minRatio) {
        int n = pattern.length;
        int m = other.length;
        if (!lengthsPass(n, m, minRatio)) {
            return -1;
        }
        long lcs = lcs(other, neededLcs(n, m, minRatio));
        if (lcs < 0) {
            return -1;
        }
        double similarity = similarity(lcs, n, m);
        return passes(similarity, minRatio) ? similarity * 100 : -1;
    }

    /** The least LCS whose ratio may pass; one below the exact boundary, so rounding never loses a pair. */
    private static long neededLcs(int len1, int len2, int minRatio) {
        long sum = (long) len1 + len2;
        long exact = (long) Math.ceil(sum * (minRatio / 100.0) / 2);
        return Math.max(0, exact - 1);
    }

    /**
     * LCS of the pattern and {@code other} (the rows), or -1 once it cannot reach {@code needed}, which is at
     * most the shorter length. With a cut-off only a diagonal band is computed: a common subsequence of
     * {@code needed} characters skips at most {@code n - needed} characters of the pattern and {@code m - needed}
     * of the other text, so its path never leaves that band (Ukkonen). Cells outside keep stale values that can
     * only be too low, so a result below {@code needed} stays below, and one that reaches it is exact.
     */
    private long lcs(int[] other, long needed) {
        int n = pattern.length;
        int m = other.length;
        if (n == 0 || m == 0) {
            return needed > 0 ? -1 : 0;
        }
        long[] v = row;
        Arrays.fill(v, 0, words, MASK);
        long skipPattern = needed > 0 ? n - needed : n;
        long skipOther = needed > 0 ? m - needed : m;
        if (blocked) {
            return blockwise(other, v, skipPattern, skipOther, needed);
        }
        long[] pm = matches;
        for (int r = 1; r <= m; r++) {
            int slot = slotOf(other[r - 1]);
            if (slot >= 0) {
                int first = (int) Math.max(0, (r - skipOther - 1) / BITS);
                int last = (int) Math.min(words - 1, (r + skipPattern - 1) / BITS);
                step(v, pm, slot * words, first, last, 0);
            }
            if (needed > 0 && r % CHECK_EVERY == 0 && best(v, n, m - r) < needed) {
                return -1;
            }
        }
        long lcs = zeros(v, n);
        return lcs < needed ? -1 : lcs;
    }

    /** One row over words {@code first..last}, the match vectors from {@code base}; returns the carry out. */
    private static long step(long[] v, long[] pm, int base, int first, int last, long carryIn) {
        long carry = carryIn;
        for (int k = first; k <= last; k++) {
            long x = v[k];
            long u = x & pm[base + k];
            long sum = x + u + carry;
            carry = sum >>> BITS;
            v[k] = (sum | (x & ~u)) & MASK;
        }
        return carry;
    }

    /**
     * The same rows block of words by block, each block with its own tables; a row's carry out of one block goes
     * into the next when the row's band goes on there.
     */
    private long blockwise(int[] other, long[] v, long skipPattern, long skipOther, long needed) {
        int m = other.length;
        int width = Math.max(1, tableLimit / slots);
        long[] carries = new long[(m >>> 6) + 1];
        for (int from = 0; from < words; from += width) {
            int to = Math.min(words, from + width);
            fillTables(from, to);
            for (int r = 1; r <= m; r++) {
                int slot = slotOf(other[r - 1]);
                int first = (int) Math.max(0, (r - skipOther - 1) / BITS);
                int last = (int) Math.min(words - 1, (r + skipPattern - 1) / BITS);
                int low = Math.max(first, from);
                int high = Math.min(last, to - 1);
                long carryIn = first < from ? (carries[r >>> 6] >>> (r & 63)) & 1 : 0;
                long carry = 0;
                if (slot >= 0 && low <= high) {
                    carry = step(v, matches, slot * (to - from) - from, low, high, carryIn);
                }
                carries[r >>> 6] = (carries[r >>> 6] & ~(1L << (r & 63))) | (carry << (r & 63));
            }
        }
        long lcs = zeros(v, pattern.length);
        return lcs < needed ? -1 : lcs;
    }

    /**
     * The most the LCS can still become with {@code left} rows to go: the LCS up to pattern position i plus
     * what the rest can add, min(n - i, left), is largest at i = n - left.
     */
    private static long best(long[] v, int n, int left) {
        return left >= n ? n : zeros(v, n - left) + left;
    }

    private void clear() {
        for (int c : pattern) {
            if (c < 65536) {
                slotOfBmp[c] = -1;
            }
        }
        slotOfOther.clear();
    }

    private int slotOf(int c) {
        if (c < 65536) {
            return slotOfBmp[c];
        }
        Integer slot = slotOfOther.get(c);
        return slot == null ? -1 : slot;
    }

    /** The zero bits among the first {@code bits}: each is one matched character of the pattern so far. */
    private static long zeros(long[] v, int bits) {
        int full = bits / BITS;
        long ones = 0;
        for (int k = 0; k < full; k++) {
            ones += Long.bitCount(v[k]);
        }
        int tail = bits % BITS;
        if (tail > 0) {
            ones += Long.bitCount(v[full] & ((1L << tail) - 1));
        }
        return bits - ones;
    }
}
