package org.paperless.maintenance.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.Document;
import org.paperless.api.storage.MediaArea;

/** Where the renamer puts files: taken names get _01, a document's own names count as free. */
class RenamePlanTest {

    @TempDir
    Path root;

    private FolderMedia media;
    private RenameRun renamer;

    @BeforeEach
    void setUp() {
        media = new FolderMedia(root);
        renamer = new RenameRun(null, media, null, null);
    }

    @Test
    void aTakenNameGetsACounterAndTheArchiveFollowsTheOriginal() throws IOException {
        write(MediaArea.ORIGINALS, "ACME/Invoice.pdf");
        write(MediaArea.ORIGINALS, "0000002.pdf");
        write(MediaArea.ARCHIVE, "0000002.pdf");
        MediaMove move = renamer.plan(document(2, "0000002.pdf", "0000002.pdf"), "ACME/Invoice", new HashSet<>());
        assertEquals("ACME/Invoice_01.pdf", move.toOriginal());
        assertEquals("ACME/Invoice_01.pdf", move.toArchive());
        assertTrue(move.movesOriginal() && move.changesArchive() && !move.writesArchive());
    }

    @Test
    void aDocumentAlreadyInPlaceStaysEvenWithACounter() throws IOException {
        write(MediaArea.ORIGINALS, "ACME/Invoice.pdf");
        write(MediaArea.ORIGINALS, "ACME/Invoice_01.pdf");
        assertTrue(renamer.plan(document(2, "ACME/Invoice_01.pdf", null), "ACME/Invoice", new HashSet<>()).changesNothing());
        assertTrue(renamer.plan(document(1, "ACME/Invoice.pdf", null), "ACME/Invoice", new HashSet<>()).changesNothing());
    }

    @Test
    void twoDocumentsOfOneBatchNeverGetTheSameName() throws IOException {
        write(MediaArea.ORIGINALS, "0000001.pdf");
        write(MediaArea.ORIGINALS, "0000002.pdf");
        write(MediaArea.ARCHIVE, "0000001.pdf");
        write(MediaArea.ARCHIVE, "0000002.pdf");
        Set<String> claimed = new HashSet<>();
        MediaMove first = renamer.plan(document(1, "0000001.pdf", "0000001.pdf"), "2024/Invoice", claimed);
        MediaMove second = renamer.plan(document(2, "0000002.pdf", "0000002.pdf"), "2024/Invoice", claimed);
        assertEquals("2024/Invoice.pdf", first.toOriginal());
        assertEquals("2024/Invoice_01.pdf", second.toOriginal());
        assertEquals("2024/Invoice_01.pdf", second.toArchive());
    }

    @Test
    void theExtensionIsKeptAndAMissingOriginalIsAProblem() throws IOException {
        write(MediaArea.ORIGINALS, "0000003.eml");
        assertEquals("Mail/Hello.eml", renamer.plan(document(3, "0000003.eml", null), "Mail/Hello", new HashSet<>()).toOriginal());
        IOException missing = assertThrows(IOException.class, () -> renamer.plan(document(4, "gone.pdf", null), "x", new HashSet<>()));
        assertTrue(missing.getMessage().contains("gone.pdf is missing"), missing.getMessage());
    }

    @Test
    void namesKeepTheirExtensions() {
        assertEquals(".pdf", Names.extension("A/b.c/Invoice.PDF"));
        assertEquals(".pdf.gpg", Names.extension("0000001.pdf.gpg"));
        assertEquals("", Names.extension("A.b/README"));
        assertEquals("A/Invoice 1.2", Names.stem("A/Invoice 1.2.pdf"));
        assertEquals("0000042.webp", Names.thumbnail(42, ".webp"));
    }

    private void write(MediaArea area, String name) throws IOException {
        media.write(area, name, new ByteArrayInputStream(name.getBytes()));
    }

    private static Document document(long id, String filename, String archive) {
        return new Document(id, "Document " + id, "", null, null, null, null, null, null, null, "0".repeat(64),
                archive == null ? null : "1".repeat(64), null, filename, archive, filename, "application/pdf", 1, null,
                null, null);
    }
}
