package org.paperless.index.lucene.internal.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Sketch agreement estimates the Jaccard similarity of the shingle sets. */
class SketchTest {

    @Test
    void equalTextsAgreeEverywhereAndEstimatesFollowTheShingleOverlap() {
        List<String> letters = new LetterCorpus(9).generate(60);
        long[] sketches = new long[letters.size() * Sketch.LONGS];
        int[][] texts = new int[letters.size()][];
        for (int i = 0; i < letters.size(); i++) {
            texts[i] = FuzzText.process(letters.get(i));
            Sketch.of(texts[i], sketches, i * Sketch.LONGS);
        }
        int compared = 0;
        for (int i = 0; i < texts.length; i++) {
            for (int j = i + 1; j < texts.length; j++) {
                if (texts[i].length < 300 || texts[j].length < 300) {
                    continue;
                }
                double jaccard = jaccard(shingles(texts[i]), shingles(texts[j]));
                double expected = Sketch.SIZE * (jaccard + (1 - jaccard) / 256);
                double deviation = Math.sqrt(expected * (1 - expected / Sketch.SIZE));
                int agreed = Sketch.agreement(sketches, i * Sketch.LONGS, j * Sketch.LONGS);
                assertTrue(Math.abs(agreed - expected) < 5 * deviation,
                        "pair " + i + "/" + j + ": J " + jaccard + ", agreement " + agreed + ", expected " + expected);
                compared++;
            }
        }
        assertTrue(compared > 500, "pairs compared: " + compared);
        long[] again = new long[Sketch.LONGS];
        Sketch.of(texts[0].clone(), again, 0);
        long[] both = new long[2 * Sketch.LONGS];
        System.arraycopy(sketches, 0, both, 0, Sketch.LONGS);
        System.arraycopy(again, 0, both, Sketch.LONGS, Sketch.LONGS);
        assertEquals(Sketch.SIZE, Sketch.agreement(both, 0, Sketch.LONGS));
        assertFalse(Sketch.of(new int[] {'a', 'b', 'c', 'd'}, again, 0), "four characters make no shingle");
    }

    private static Set<String> shingles(int[] text) {
        Set<String> set = new HashSet<>();
        for (int i = 0; i + Sketch.SHINGLE <= text.length; i++) {
            set.add(new String(text, i, Sketch.SHINGLE));
        }
        return set;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return common.size() / (double) (a.size() + b.size() - common.size());
    }
}
