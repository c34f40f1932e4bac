package org.paperless.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.Document;
import org.paperless.api.storage.MediaArea;

/** An import takes away what it wrote, and nothing another writer put under the same names. */
class ImportJournalTest {

    @TempDir
    Path dir;

    private Path journalFile() {
        return dir.resolve("import.journal");
    }

    private Path originals() throws IOException {
        return Files.createDirectories(dir.resolve("media/originals"));
    }

    private static void place(Path target, String text, ImportJournal journal) throws IOException {
        MediaPlacement.write(target, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), () -> { },
                journal, placed -> journal.placed(placed, MediaArea.ORIGINALS, placed.getFileName().toString(), "ab", "ab"));
    }

    private static Document stored(String filename) {
        return new Document(1L, "t", "", null, null, null, null, LocalDate.of(2024, 1, 1), null, null, "ab", null, null,
                filename, null, "x.pdf", "application/pdf", 1, null, null, null);
    }

    @Test
    void aRollbackRemovesWhatTheImportWroteButNotAFileThatTookItsNameSince() throws Exception {
        Path ours = originals().resolve("ours.pdf");
        Path replaced = originals().resolve("replaced.pdf");
        ImportJournal journal = ImportJournal.start(journalFile());
        place(ours, "imported", journal);
        place(replaced, "imported", journal);
        // another writer removes the imported file and puts its own under the same name
        Files.delete(replaced);
        Files.writeString(replaced, "consumed meanwhile");
        assertEquals(1, journal.rolledBack());
        assertFalse(Files.exists(ours));
        assertEquals("consumed meanwhile", Files.readString(replaced));
        assertFalse(Files.exists(journalFile()));
        try (Stream<Path> left = Files.list(originals())) {
            assertEquals(1, left.count(), "no temporary file stays");
        }
    }

    @Test
    void aNameTakenByAnotherWriterIsNeverReplacedNorRemoved() throws Exception {
        Path taken = Files.writeString(originals().resolve("taken.pdf"), "a user's document");
        ImportJournal journal = ImportJournal.start(journalFile());
        assertThrows(FileAlreadyExistsException.class, () -> place(taken, "imported", journal));
        journal.rolledBack();
        assertEquals("a user's document", Files.readString(taken));
    }

    @Test
    void aRefusedCheckLeavesNoFileUnderTheName() throws Exception {
        Path target = originals().resolve("a.pdf");
        ImportJournal journal = ImportJournal.start(journalFile());
        assertThrows(IOException.class, () -> MediaPlacement.write(target, new ByteArrayInputStream(new byte[3]),
                () -> { throw new IOException("checksum differs"); }, journal, placed -> { }));
        assertFalse(Files.exists(target));
        journal.rolledBack();
        try (Stream<Path> left = Files.list(originals())) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void afterAnUnclearCommitTheDatabaseDecidesAndWhileItCannotNothingIsRemoved() throws Exception {
        Path file = originals().resolve("a.pdf");
        ImportJournal journal = ImportJournal.start(journalFile());
        place(file, "imported", journal);
        journal.close(); // the commit failed: outcome unknown

        assertThrows(IllegalStateException.class, () -> ImportJournal.recover(journalFile(), checksum -> {
            throw new IllegalStateException("Connection refused");
        }));
        assertTrue(Files.exists(file) && Files.exists(journalFile()), "the database could not answer: all stays");

        assertEquals(ImportJournal.Outcome.COMMITTED, ImportJournal.recover(journalFile(), c -> Optional.of(stored("a.pdf"))));
        assertTrue(Files.exists(file), "a stored document names it");
        assertFalse(Files.exists(journalFile()));
    }

    @Test
    void anImportThatDidNotCommitIsUndoneAndARunningOneIsLeftAlone() throws Exception {
        Path file = originals().resolve("a.pdf");
        ImportJournal journal = ImportJournal.start(journalFile());
        place(file, "imported", journal);
        assertEquals(ImportJournal.Outcome.RUNNING, ImportJournal.recover(journalFile(), c -> Optional.empty()));
        assertThrows(FileAlreadyExistsException.class, () -> ImportJournal.start(journalFile()));
        assertTrue(Files.exists(file));
        journal.close(); // killed
        assertEquals(ImportJournal.Outcome.UNDONE, ImportJournal.recover(journalFile(), c -> Optional.empty()));
        assertFalse(Files.exists(file));
    }

    @Test
    void aNameLinkedButNotYetNotedIsRemovedAlsoWhenTheMediaStoreRemovedTheTemporaryName() throws Exception {
        Path file = originals().resolve("0000043.png");
        Path temp = Files.createTempFile(originals(), MediaPlacement.TEMP_PREFIX, MediaPlacement.TEMP_SUFFIX);
        ImportJournal journal = ImportJournal.start(journalFile());
        Files.writeString(temp, "thumbnail");
        journal.temporary(temp, file);
        Files.createLink(file, temp);
        journal.close(); // killed before the name was noted
        Files.delete(temp); // the media store's start removes every temporary file left
        assertEquals(ImportJournal.Outcome.UNDONE, ImportJournal.recover(journalFile(), c -> Optional.empty()));
        assertFalse(Files.exists(file), "the import's file under its name is removed");
    }

    @Test
    void aFileThatTookTheNameAfterTheTemporaryOneWasRemovedStays() throws Exception {
        Path file = originals().resolve("0000044.png");
        Path temp = Files.createTempFile(originals(), MediaPlacement.TEMP_PREFIX, MediaPlacement.TEMP_SUFFIX);
        ImportJournal journal = ImportJournal.start(journalFile());
        Files.writeString(temp, "thumbnail");
        journal.temporary(temp, file);
        journal.close(); // killed before the link
        Files.delete(temp); // a new file now gets this inode, often at once
        Files.writeString(file, "another writer's");
        assertEquals(ImportJournal.Outcome.UNDONE, ImportJournal.recover(journalFile(), c -> Optional.empty()));
        assertTrue(Files.exists(file), "not the import's file");
    }
}
