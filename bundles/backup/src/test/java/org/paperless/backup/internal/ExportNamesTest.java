package org.paperless.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.paperless.api.Document;

class ExportNamesTest {

    private static Document document(String title, String filename, String archive) {
        return new Document(7L, title, "", null, null, null, null, LocalDate.of(2024, 3, 9), null, null, "c", null, null,
                filename, archive, "scan.pdf", "application/pdf", 1, null, null, null);
    }

    @Test
    void namesFollowPaperlessNgxAndCollisionsGetACounter() {
        ExportNames names = new ExportNames(false, false);
        ExportNames.Names first = names.next(document("Bill", "0000007.PDF", "0000007.pdf"), "ACME");
        assertEquals("2024-03-09 ACME Bill.pdf", first.original());
        assertEquals("2024-03-09 ACME Bill-archive.pdf", first.archive());
        assertEquals("2024-03-09 ACME Bill-thumbnail", first.thumbnail());
        assertEquals("2024-03-09 ACME bill_01.pdf", names.next(document("bill", "0000008.pdf", null), "ACME").original());
        assertNull(names.next(document("Other", "0000009.pdf", null), null).archive());
    }

    @Test
    void titlesCannotMakeFoldersAndPrefixesAndTheFilenameFormatAreApplied() {
        assertEquals("2024-03-09 a_b_..c.txt", new ExportNames(false, false).next(document("a/b/..c", "1.txt", null), null).original());
        ExportNames.Names prefixed = new ExportNames(true, true).next(document("Bill", "acme/2024/Bill.pdf", "acme/2024/Bill.pdf"), "ACME");
        assertEquals("originals/acme/2024/Bill.pdf", prefixed.original());
        assertEquals("archive/acme/2024/Bill-archive.pdf", prefixed.archive());
        assertEquals("thumbnails/acme/2024/Bill-thumbnail", prefixed.thumbnail());
        assertEquals("json/acme/2024/Bill-manifest.json", prefixed.manifest());
    }
}
