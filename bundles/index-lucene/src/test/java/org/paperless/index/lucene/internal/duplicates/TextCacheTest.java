package org.paperless.index.lucene.internal.duplicates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache keeps the partners met first within its budget and lets go of those passed. */
class TextCacheTest {

    @TempDir
    Path spool;

    @Test
    void keepsTheNearestPartnersAndLetsGoOfThosePassed() throws Exception {
        String[] contents = {"first letter", "second letter", "third letter", "fourth letter"};
        try (Corpus corpus = new Corpus(spool)) {
            for (int i = 0; i < contents.length; i++) {
                corpus.add(Corpus.prepare(i + 1, "Document " + (i + 1), contents[i]));
            }
            corpus.finish();
            // Room for two of these texts (12 to 13 bytes each).
            TextCache cache = new TextCache(corpus, contents.length, 26);
            for (int p = 0; p < contents.length; p++) {
                assertText(contents[p], cache.get(p, p), corpus.length(p));
            }
            assertTrue(cache.holds(0) && cache.holds(1));
            assertFalse(cache.holds(2) || cache.holds(3), "over the budget, later texts are read each time");

            cache.releaseBefore(2);
            assertFalse(cache.holds(0) || cache.holds(1));
            assertText(contents[3], cache.get(3, 3), corpus.length(3));
            assertText(contents[2], cache.get(2, 2), corpus.length(2));
            assertTrue(cache.holds(3) && cache.holds(2));
            assertText(contents[0], cache.get(0, 0), corpus.length(0));
            assertFalse(cache.holds(0), "a passed position is not taken in again");
        }
    }

    private static void assertText(String content, int[] buffer, int length) {
        assertArrayEquals(FuzzText.process(content), Arrays.copyOf(buffer, length));
    }
}
