package org.paperless.index.lucene.internal.duplicates;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A MinHash sketch of a processed text: the set of its 5-character shingles under {@link #SIZE} hash
 * functions (random affine maps of a mixed shingle hash, top 31 bits), the least value of each kept as one byte
 * (b-bit MinHash). Two sketches agree in a position with
 * probability {@code J + (1 - J) / 256}, J being the Jaccard similarity of the shingle sets, so counting equal
 * bytes estimates J without the texts. Sketches are packed eight bytes to a long and compared eight at a time.
 */
final class Sketch {

    /** Shingle length in code points: long enough that unrelated letters share few, short enough to survive OCR noise. */
    static final int SHINGLE = 5;
    /** Hash functions per sketch; the estimate's standard deviation is about sqrt(J / SIZE). */
    static final int SIZE = 512;
    /** Longs per packed sketch. */
    static final int LONGS = SIZE / 8;

    private static final int[] MULTIPLIERS = new int[SIZE];
    private static final int[] OFFSETS = new int[SIZE];
    private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH_BITS = 0x8080808080808080L;

    static {
        // Fixed seed: the same text always gets the same sketch, and results can be reproduced.
        SplittableRandom random = new SplittableRandom(0x5EED_F022L);
        for (int i = 0; i < SIZE; i++) {
            MULTIPLIERS[i] = random.nextInt() | 1;
            OFFSETS[i] = random.nextInt();
        }
    }

    private Sketch() {
    }

    /** The packed sketch of a text, written to {@code out} at {@code offset}; false when it has no shingle. */
    static boolean of(int[] text, long[] out, int offset) {
        if (text.length < SHINGLE) {
            return false;
        }
        int[] mins = new int[SIZE];
        Arrays.fill(mins, Integer.MAX_VALUE);
        int[] multipliers = MULTIPLIERS;
        int[] offsets = OFFSETS;
        for (int start = 0; start + SHINGLE <= text.length; start++) {
            int x = shingle(text, start);
            for (int i = 0; i < SIZE; i++) {
                // The top 31 bits of each hash, so the difference cannot overflow and the minimum needs no branch
                // (the compiler then does many hash functions per instruction).
                int difference = ((x * multipliers[i] + offsets[i]) >>> 1) - mins[i];
                mins[i] += difference & (difference >> 31);
            }
        }
        for (int w = 0; w < LONGS; w++) {
            long packed = 0;
            for (int b = 0; b < 8; b++) {
                packed |= (mix(mins[w * 8 + b]) & 0xFFL) << (b * 8);
            }
            out[offset + w] = packed;
        }
        return true;
    }

    /** How many of the two sketches' bytes are equal. */
    static int agreement(long[] sketches, int first, int second) {
        int differing = 0;
        for (int w = 0; w < LONGS; w++) {
            long x = sketches[first + w] ^ sketches[second + w];
            // High bit of each byte set when the byte is not zero.
            long nonZero = (((x & LOW_BITS) + LOW_BITS) | x) & HIGH_BITS;
            differing += Long.bitCount(nonZero);
        }
        return SIZE - differing;
    }

    private static int shingle(int[] text, int start) {
        int h = 0;
        for (int k = 0; k < SHINGLE; k++) {
            h = h * 0x01000193 + text[start + k];
        }
        return mix(h);
    }

    /** MurmurHash3's finaliser: every input bit moves every output bit. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}
