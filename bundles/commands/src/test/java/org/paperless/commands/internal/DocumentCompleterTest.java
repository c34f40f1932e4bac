package org.paperless.commands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.paperless.api.Document;

class DocumentCompleterTest {

    private static List<Long> ids(long prefix, long... stored) {
        List<Document> documents = LongStream.of(stored).mapToObj(DocumentPageTest::document).toList();
        DocumentBatches batches = (after, limit) -> documents.stream().filter(d -> d.id() > after).limit(limit).toList();
        return DocumentCompleter.withIdPrefix(prefix, batches).stream().map(Document::id).toList();
    }

    @Test
    void idsThatStartWithTheTypedDigits() {
        assertEquals(List.of(12L, 120L, 125L, 1200L, 12345L), ids(12, 1, 2, 12, 13, 99, 120, 125, 130, 1200, 1300, 12345, 13000));
    }

    @Test
    void noneWhenNoIdStartsSo() {
        assertEquals(List.of(), ids(7, 1, 2, 3, 10, 11));
    }

    @Test
    void atMostAFewDozen() {
        long[] stored = LongStream.rangeClosed(1, 5000).toArray();
        List<Long> found = ids(1, stored);
        assertEquals(DocumentCompleter.MAX, found.size());
        assertEquals(List.of(1L, 10L, 11L), found.subList(0, 3));
        assertEquals(100L, found.get(11));
    }
}
