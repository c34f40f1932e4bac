package org.paperless.index.lucene.internal.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.Document;
import org.paperless.api.maintenance.DuplicatePair;

/**
 * The search finds exactly the pairs comparing every pair finds, on 2,000 generated letters with near-duplicate
 * variants; and it keeps paperless-ngx's rules for blank and punctuation-only contents.
 */
class NearDuplicatesComponentTest {

    private static final int DOCUMENTS = 2000;
    private static List<Document> corpus;
    /** Every pair at 70 or more, by comparing all of them. */
    private static List<DuplicatePair> allAt70;

    @TempDir
    Path spool;
    private NearDuplicatesComponent component;

    @BeforeAll
    static void compareEveryPair() {
        corpus = ListedDocuments.numbered(new LetterCorpus(42).generate(DOCUMENTS));
        int[][] texts = corpus.stream().map(d -> FuzzText.process(d.content())).toArray(int[][]::new);
        ThreadLocal<IndelRatio> ratios = ThreadLocal.withInitial(IndelRatio::new);
        List<DuplicatePair> pairs = Collections.synchronizedList(new ArrayList<>());
        IntStream.range(0, DOCUMENTS).parallel().forEach(i -> {
            Document first = corpus.get(i);
            for (int j = i + 1; j < DOCUMENTS; j++) {
                Document second = corpus.get(j);
                if (FuzzText.blank(first.content()) || FuzzText.blank(second.content())) {
                    continue;
                }
                double ratio = ratios.get().ratio(texts[i], texts[j], 70);
                if (ratio >= 0) {
                    pairs.add(new DuplicatePair(first.id(), first.title(), second.id(), second.title(), ratio));
                }
            }
        });
        pairs.sort(NearDuplicatesComponentTest::byIds);
        allAt70 = pairs;
    }

    @AfterEach
    void stop() throws Exception {
        if (component != null) {
            component.deactivate();
        }
        try (var left = Files.list(spool)) {
            assertEquals(0, left.count(), "the temporary spool file is removed");
        }
    }

    @Test
    void findsWhatComparingEveryPairFindsAt85() {
        assertSameAsComparingEveryPair(85);
    }

    @Test
    void findsWhatComparingEveryPairFindsAt70() {
        assertSameAsComparingEveryPair(70);
    }

    private void assertSameAsComparingEveryPair(int minRatio) {
        component = new NearDuplicatesComponent(ListedDocuments.of(corpus), spool, 2);
        AtomicLong lastDone = new AtomicLong();
        AtomicLong lastTotal = new AtomicLong();
        List<DuplicatePair> found = component.find(minRatio, (done, total) -> {
            lastDone.set(done);
            lastTotal.set(total);
        });
        List<DuplicatePair> expected = allAt70.stream().filter(p -> p.ratio() >= minRatio).toList();
        assertTrue(expected.size() > 100, "the corpus has near-duplicates at " + minRatio + ": " + expected.size());
        assertEquals(expected, found);
        assertEquals(lastTotal.get(), lastDone.get(), "progress ends at its total");
    }

    @Test
    void leavesOutBlankContentsAndPairsContentsThatAreOnlyPunctuation() {
        List<Document> documents = List.of(ListedDocuments.document(1, "Empty", ""),
                ListedDocuments.document(2, "Spaces", " \n\t\u00A0"),
                ListedDocuments.document(3, "Dashes", "- - -"),
                ListedDocuments.document(4, "Dots", "... !"),
                ListedDocuments.document(5, "Letter", "Dear Sir, please find the invoice enclosed."),
                ListedDocuments.document(7, "Letter again", "Dear Sir, please find the invoices enclosed!"));
        component = new NearDuplicatesComponent(ListedDocuments.of(documents), spool, 2);

        List<DuplicatePair> found = component.find(85, null);

        // Both texts are empty once processed: rapidfuzz calls two empty strings equal.
        assertEquals(List.of(new DuplicatePair(3, "Dashes", 4, "Dots", 100.0),
                new DuplicatePair(5, "Letter", 7, "Letter again", IndelRatio.ratio(42, 42, 43))), found);
        assertEquals(6, component.find(0, null).size(), "at 0 every pair of the four documents that are not blank");
    }

    @Test
    void refusesARatioOutsideZeroToHundred() {
        component = new NearDuplicatesComponent(ListedDocuments.of(List.of()), spool, 1);
        assertThrows(IllegalArgumentException.class, () -> component.find(101, null));
        assertThrows(IllegalArgumentException.class, () -> component.find(-1, null));
        assertEquals(List.of(), component.find(85, null));
    }

    private static int byIds(DuplicatePair a, DuplicatePair b) {
        int first = Long.compare(a.firstId(), b.firstId());
        return first != 0 ? first : Long.compare(a.secondId(), b.secondId());
    }
}
