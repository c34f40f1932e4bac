package org.paperless.commands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.Document;

class DocumentPageTest {

    /** 1234 documents: every third from correspondent 7, every even one tagged 1, every fifth tagged 2. */
    private static final List<Document> DOCUMENTS = LongStream.rangeClosed(1, 1234).mapToObj(DocumentPageTest::document).toList();

    private final List<Integer> batchSizes = new ArrayList<>();

    private final DocumentBatches batches = (after, limit) -> {
        List<Document> batch = DOCUMENTS.stream().filter(d -> d.id() > after).limit(limit).toList();
        batchSizes.add(batch.size());
        return batch;
    };

    static Document document(long id) {
        Set<Long> tags = new java.util.HashSet<>();
        if (id % 2 == 0) {
            tags.add(1L);
        }
        if (id % 5 == 0) {
            tags.add(2L);
        }
        List<CustomFieldInstance> fields = id % 100 == 0 ? List.of(new CustomFieldInstance(id, id, 9, "x")) : List.of();
        return new Document(id, "Document " + id, "", id % 3 == 0 ? 7L : null, id % 4 == 0 ? 3L : null, null, tags,
                LocalDate.of(2024, 1, 1), null, null, "c" + id, null, null, id + ".pdf", null, id + ".pdf",
                "application/pdf", 1, null, List.of(), fields);
    }

    @Test
    void pageOfTheMatchesAndHowManyMore() {
        DocumentFilter byCorrespondent = new DocumentFilter(7L, null, null, Set.of(), null);
        DocumentPage page = DocumentPage.walk(batches, byCorrespondent, 10, 5);
        assertEquals(List.of(33L, 36L, 39L, 42L, 45L), page.documents().stream().map(Document::id).toList());
        assertEquals(411, page.total());
        assertEquals(396, page.after(10));
        assertEquals("... and 396 more: use --offset 15", DocumentListCommand.footer(page, 10, false));
        assertEquals(List.of(500, 500, 234, 0), batchSizes);
    }

    @Test
    void everyTagGivenMustBeThere() {
        DocumentPage page = DocumentPage.walk(batches, new DocumentFilter(null, null, null, Set.of(1L, 2L), null), 0, 1000);
        assertEquals(123, page.total());
        assertEquals(10L, page.documents().get(0).id());
        assertEquals("", DocumentListCommand.footer(page, 0, false));
    }

    @Test
    void criteriaCombine() {
        DocumentFilter f = new DocumentFilter(7L, 3L, null, Set.of(2L), 9L);
        DocumentPage page = DocumentPage.walk(batches, f, 0, 100);
        // multiples of 3, 4, 5 and 100: 300, 600, 900, 1200
        assertEquals(List.of(300L, 600L, 900L, 1200L), page.documents().stream().map(Document::id).toList());
    }

    @Test
    void footersSayWhatIsLeft() {
        DocumentPage none = DocumentPage.walk(batches, new DocumentFilter(99L, null, null, Set.of(), null), 0, 10);
        assertEquals("No document matches.", DocumentListCommand.footer(none, 0, false));
        DocumentPage pastTheEnd = DocumentPage.walk(batches, new DocumentFilter(7L, null, null, Set.of(), null), 500, 10);
        assertEquals("Nothing from offset 500: 411 match in all", DocumentListCommand.footer(pastTheEnd, 500, false));
        assertEquals("... and 1134 more: use --offset 100",
                DocumentListCommand.footer(new DocumentPage(DOCUMENTS.subList(0, 100), 1234), 0, true));
    }

    @Test
    void anUnfilteredListingNeedsNoWalk() {
        assertEquals(true, DocumentFilter.ANY.any());
        assertEquals(false, new DocumentFilter(null, null, null, Set.of(1L), null).any());
    }

    @Test
    void customFieldsAreShownByName() {
        assertEquals("Custom field Invoice number", DocumentShowCommand.customFieldLabel(Map.of(4L, "Invoice number"), 4));
        assertEquals("Custom field #5", DocumentShowCommand.customFieldLabel(Map.of(4L, "Invoice number"), 5));
    }
}
