package org.paperless.bench.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.paperless.api.Document;

/** A document survives its line, whatever its values hold. */
class DocumentLinesTest {

    @Test
    void aDocumentComesBackAsItWentOut() {
        Document d = new Document(42L, "Rechnung\tNr. 7\nzweite Zeile \\ Ende", "", 3L, 5L, null, Set.of(9L, 2L),
                LocalDate.of(2021, 3, 14), Instant.parse("2021-03-15T08:00:00Z"), Instant.parse("2021-03-14T10:00:00Z"),
                "ab12", null, 1001L, "bench/42/0000042.pdf", null, "", "application/pdf", 2, "admin", List.of(),
                List.of());
        String line = DocumentLines.line(d);
        assertEquals(1, line.lines().count(), "one line");
        assertEquals(42L, DocumentLines.id(line));
        assertEquals(d.withFilenames(d.filename(), d.archiveFilename()), DocumentLines.document(line, ""));
        assertEquals("the text", DocumentLines.document(line, "the text").content());
    }

    @Test
    void aLineOfAnotherShapeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DocumentLines.document("42\tonly a title", ""));
    }
}
