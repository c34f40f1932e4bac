package org.paperless.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DomainTest {

    @Test
    void algorithmsParseByNameOrPaperlessCode() {
        assertEquals(MatchingAlgorithm.REGEX, MatchingAlgorithm.parse("Regex"));
        assertEquals(MatchingAlgorithm.FUZZY, MatchingAlgorithm.parse("5"));
        assertEquals(MatchingAlgorithm.NONE, MatchingAlgorithm.fromCode(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MatchingAlgorithm.parse("often"));
        assertTrue(e.getMessage().contains("none, any, all, literal, regex, fuzzy, auto"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MatchingAlgorithm.parse("7"));
    }

    @Test
    void objectsGetPaperlessDefaults() {
        Tag tag = new Tag(null, "  Inbox ", null, null, true, null);
        assertEquals("Inbox", tag.name());
        assertEquals(Tag.DEFAULT_COLOR, tag.color());
        assertEquals(MatchingAlgorithm.ANY, tag.matching().algorithm());
        assertTrue(tag.matching().insensitive());
        assertEquals("", tag.matching().match());
    }

    @Test
    void badValuesAreRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> new Correspondent(null, " ", null));
        assertThrows(IllegalArgumentException.class, () -> new Correspondent(null, "x".repeat(129), null));
        assertThrows(IllegalArgumentException.class, () -> new Tag(null, "t", null, "red", false, null));
        assertThrows(IllegalArgumentException.class, () -> new Tag(3L, "t", null, null, false, 3L));
        assertThrows(IllegalArgumentException.class, () -> new StoragePath(null, "p", " ", null));
        assertThrows(IllegalArgumentException.class, () -> new Matching("m".repeat(257), MatchingAlgorithm.ANY, true));
        assertThrows(IllegalArgumentException.class, () -> document("t", -1L));
        assertThrows(IllegalArgumentException.class, () -> document("t", Document.MAX_ASN + 1));
        assertThrows(IllegalArgumentException.class, () -> document(" ", null));
    }

    @Test
    void longTitlesAreCutToTheColumnSize() {
        assertEquals(Document.MAX_TITLE_LENGTH, document("t".repeat(300), null).title().length());
        assertEquals(Document.MAX_ASN, document("t", Document.MAX_ASN).archiveSerialNumber());
    }

    private static Document document(String title, Long asn) {
        return new Document(null, title, null, null, null, null, Set.of(), null, null, null, null, null, asn,
                null, null, null, null, null, null, List.of(), List.of());
    }
}
