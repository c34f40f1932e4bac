package org.paperless.index.lucene.internal.duplicates;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * rapidfuzz's {@code fuzz.ratio}: {@code 100 * (1 - indel / (len1 + len2))}, where the indel distance is
 * {@code len1 + len2 - 2 * LCS}. The longest common subsequence is computed bit-parallel (Hyyrö): one row of
 * the dynamic programme per character of one text, 63 cells of the other (the pattern) per machine word (the
 * 64th bit takes the carry of the addition, which keeps the chain between words short), so a pair costs
 * {@code len1 * len2 / 63} word steps at most. With a cut-off only the cells that can still lie on a common
 * subsequence long enough are computed (see {@link #live}), and the work stops when none is left.
 * <p>
 * The pattern's tables are kept between calls, so one text can be compared with many. They take a long per 63
 * characters for each distinct character: when that passes {@link #TABLE_LIMIT} (a huge text in a script with
 * thousands of characters), the pattern is done in blocks of words, each block's tables built in turn and the
 * carries between blocks kept per row, with the same result but only a fixed diagonal band and no early stop.
 * Not thread-safe: one instance per thread.
 */
final class IndelRatio {

    private static final int BITS = 63;
    /** Rows the live band takes in one pass. */
    private static final int ROWS = 4;
    private static final long MASK = Long.MAX_VALUE;
    /** Longs of match tables at most (32 MB). */
    static final int TABLE_LIMIT = 1 << 22;

    /** Slot of each BMP character of the pattern, -1 when absent. */
    private final int[] slotOfBmp = new int[65536];
    private final Map<Integer, Integer> slotOfOther = new HashMap<>();
    /**
     * Per slot, the pattern positions holding that character, {@link #words} longs each; after them one row of
     * zeros for the characters the pattern lacks.
     */
    private long[] matches = new long[0];
    private long[] row = new long[0];
    private int[] pattern = new int[0];
    private int words;
    private int slots;
    private final int tableLimit;
    /** Whether the pattern is done in blocks (its tables would pass the limit). */
    private boolean blocked;
    /** Word steps of the last comparison: what it cost. */
    private long steps;

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
        int[] other = a.length <= b.length ? b : a;
        return lcs(other, other.length, 0);
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
        // One row more, all zero, for the characters the pattern lacks.
        int size = (slots + 1) * width;
        if (matches.length < size) {
            matches = new long[Math.max(size, Math.min(tableLimit, matches.length * 2))];
        }
        Arrays.fill(matches, 0, size, 0L);
        int end = Math.min(pattern.length, to * BITS);
        for (int i = from * BITS; i < end; i++) {
            matches[slotOf(pattern[i]) * width + i / BITS - from] |= 1L << (i % BITS);
        }
    }

    /** The ratio of the pattern and {@code other}, or -1 when it is below {@code minRatio}. */
    double ratio(int[] other, int minRatio) {
        return ratio(other, other.length, minRatio);
    }

    /** The ratio of the pattern and the first {@code m} characters of {@code other}, or -1 below {@code minRatio}. */
    double ratio(int[] other, int m, int minRatio) {
        int n = pattern.length;
        if (!lengthsPass(n, m, minRatio)) {
            return -1;
        }
        long lcs = lcs(other, m, neededLcs(n, m, minRatio));
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

    /** Word steps the last comparison took (63 cells each). */
    long steps() {
        return steps;
    }

    /**
     * LCS of the pattern and {@code other} (the rows), or -1 when it is below {@code needed}, which is at most the
     * shorter length.
     */
    private long lcs(int[] other, int m, long needed) {
        int n = pattern.length;
        steps = 0;
        if (n == 0 || m == 0) {
            return needed > 0 ? -1 : 0;
        }
        long[] v = row;
        Arrays.fill(v, 0, words, MASK);
        if (blocked) {
            return needed > 0 ? blockwise(other, m, v, n - needed, m - needed, needed) : blockwise(other, m, v, n, m, 0);
        }
        if (needed <= 0) {
            for (int r = 1; r <= m; r++) {
                int slot = slotOf(other[r - 1]);
                if (slot >= 0) {
                    step(v, matches, slot * words, 0, words - 1, 0);
                }
            }
            steps = (long) m * words;
            return zeros(v, n);
        }
        return live(other, m, v, n - needed, m - needed, needed);
    }

    /**
     * The LCS computed only over the live cells, or -1. Cell (j, r) stands for the first j characters of the
     * pattern and the first r of the other text, with L(j, r) their LCS. A common subsequence of {@code needed}
     * characters leaves out at most {@code skipPattern = n - needed} characters of the pattern and
     * {@code skipOther = m - needed} of the other text, so a cell on its path has {@code j - L <= skipPattern}
     * and {@code r - L <= skipOther}; any other cell is dead. In the bit vector, L(j, r) is the number of zero
     * bits below j, and the band of words computed follows the live cells:
     * <ul>
     * <li>on the left, the first word is dropped for good once even its last cell has {@code r - L > skipOther}:
     * L grows by at most one a row, r by exactly one, and L is largest at the word's end;
     * <li>on the right, the next word is taken in once the cells before it leave out at most
     * {@code skipPattern + ROWS - 1} characters of the pattern: a cell further right, k rows later, leaves out at
     * least as many less k, and the band is looked at again after {@link #ROWS} rows.
     * </ul>
     * A row adds a zero to the band exactly when the addition overflows out of its last word, so the ones up to
     * the band's end are known without counting bits. When no word is left, no common subsequence can reach
     * {@code needed}. Words outside the band keep stale values, only ever too low, and the cells on the path of
     * a long enough subsequence are all computed, so a result that reaches {@code needed} is exact.
     * <p>
     * {@link #ROWS} rows go through the band together, word by word: the word stays in a register and the rows'
     * carry chains run side by side. A character the pattern lacks takes the all-zero table row, which leaves
     * its row unchanged.
     */
    private long live(int[] other, int m, long[] v, long skipPattern, long skipOther, long needed) {
        long[] pm = matches;
        long reach = skipPattern + ROWS - 1;
        int first = 0;
        int last = -1;
        // The LCS up to the band (zeros in the dropped words), and the characters of the pattern left out up to
        // the band's end (ones in words 0..last).
        long zerosBefore = 0;
        long onesThrough = 0;
        long stepped = 0;
        for (int r = 0; ; ) {
            while (onesThrough <= reach && last + 1 < words) {
                last++;
                onesThrough += Long.bitCount(v[last]);
            }
            long floor = r - skipOther;
            long zeros;
            while (first <= last && (zeros = zerosBefore + BITS - Long.bitCount(v[first])) < floor) {
                zerosBefore = zeros;
                first++;
            }
            if (first > last || r == m) {
                break;
            }
            if (r + ROWS <= m) {
                onesThrough -= fourRows(v, pm, tableRow(other[r]), tableRow(other[r + 1]), tableRow(other[r + 2]),
                        tableRow(other[r + 3]), first, last);
                stepped += ROWS * (last - first + 1);
                r += ROWS;
            } else {
                onesThrough -= step(v, pm, tableRow(other[r]), first, last, 0);
                stepped += last - first + 1;
                r++;
            }
        }
        steps = stepped;
        if (first > last || last < words - 1) {
            return -1;
        }
        long lcs = zeros(v, pattern.length);
        return lcs < needed ? -1 : lcs;
    }

    /** Where a character's match vectors start in the tables; the all-zero row when the pattern lacks it. */
    private int tableRow(int c) {
        int slot = slotOf(c);
        return (slot >= 0 ? slot : slots) * words;
    }

    /** Four rows over words {@code first..last}, their match vectors from {@code b1..b4}; returns the carries out. */
    private static long fourRows(long[] v, long[] pm, int b1, int b2, int b3, int b4, int first, int last) {
        long carry1 = 0;
        long carry2 = 0;
        long carry3 = 0;
        long carry4 = 0;
        for (int k = first; k <= last; k++) {
            long x = v[k];
            long u = x & pm[b1 + k];
            long sum = x + u + carry1;
            carry1 = sum >>> BITS;
            x = (sum | (x & ~u)) & MASK;
            u = x & pm[b2 + k];
            sum = x + u + carry2;
            carry2 = sum >>> BITS;
            x = (sum | (x & ~u)) & MASK;
            u = x & pm[b3 + k];
            sum = x + u + carry3;
            carry3 = sum >>> BITS;
            x = (sum | (x & ~u)) & MASK;
            u = x & pm[b4 + k];
            sum = x + u + carry4;
            carry4 = sum >>> BITS;
            v[k] = (sum | (x & ~u)) & MASK;
        }
        return carry1 + carry2 + carry3 + carry4;
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
    private long blockwise(int[] other, int m, long[] v, long skipPattern, long skipOther, long needed) {
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
