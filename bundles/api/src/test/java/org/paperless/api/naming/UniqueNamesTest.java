package org.paperless.api.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UniqueNamesTest {

    @Test
    void freeNameIsUsedAsIs() {
        assertEquals("ACME/Invoice.pdf", UniqueNames.firstFree("ACME/Invoice", ".pdf", n -> false));
    }

    @Test
    void collisionsCountUpWithTwoDigits() {
        Set<String> taken = new HashSet<>();
        List<String> expected = List.of("doc.pdf", "doc_01.pdf", "doc_02.pdf", "doc_03.pdf");
        for (String name : expected) {
            String chosen = UniqueNames.firstFree("doc", ".pdf", taken::contains);
            assertEquals(name, chosen);
            taken.add(chosen);
        }
    }

    @Test
    void aGapIsReused() {
        Set<String> taken = Set.of("doc.pdf", "doc_02.pdf");
        assertEquals("doc_01.pdf", UniqueNames.firstFree("doc", ".pdf", taken::contains));
    }

    @Test
    void countingGoesBeyondTwoDigits() {
        assertEquals("doc_100", UniqueNames.firstFree("doc", "", n -> !n.equals("doc_100")));
    }

    @Test
    void nullExtensionMeansNone() {
        assertEquals("doc_01", UniqueNames.firstFree("doc", null, "doc"::equals));
    }

    @Test
    void neverFreeFailsInsteadOfLooping() {
        assertThrows(IllegalStateException.class, () -> UniqueNames.firstFree("doc", ".pdf", n -> true));
    }

    @Test
    void emptyStemIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> UniqueNames.firstFree("", ".pdf", n -> false));
    }
}
