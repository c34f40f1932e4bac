package org.paperless.maintenance.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.Document;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;

/**
 * Moves on real files, and the state a kill leaves after each step settled by the recovery: the document
 * always points at a file that exists, and nothing is left that nothing points at.
 */
class MediaMovesTest {

    @TempDir
    Path root;

    private MediaStore media;
    private MoveJournal journal;
    private MediaMoves moves;
    /** The rows: what the database says each document's names are. */
    private final Map<Long, Document> rows = new HashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        media = new FolderMedia(root.resolve("media"));
        journal = new MoveJournal(root.resolve("tmp/moves"));
        moves = new MediaMoves(media, journal);
        store(1, "0000001.pdf", "0000001.pdf", "original one");
    }

    @Test
    void movesOriginalAndArchiveAndRemovesTheEmptiedFolders() throws IOException {
        store(2, "ACME/2024/Invoice.pdf", "ACME/2024/Invoice.pdf", "original two");
        MediaMove move = new MediaMove(2, "ACME/2024/Invoice.pdf", "Other/Invoice.pdf", "ACME/2024/Invoice.pdf",
                "Other/Invoice.pdf", null);
        moves.apply(move, null, () -> commit(move));
        assertEquals("original two", read(MediaArea.ORIGINALS, "Other/Invoice.pdf"));
        assertEquals("archive of original two", read(MediaArea.ARCHIVE, "Other/Invoice.pdf"));
        assertFalse(Files.exists(root.resolve("media/originals/ACME")), "emptied folders are removed");
        assertFalse(Files.exists(root.resolve("media/archive/ACME")));
        assertEquals(List.of(), journal.pending());
        assertEverythingConsistent();
    }

    @Test
    void aTakenNameIsNeverOverwrittenAndNothingChanges() throws IOException {
        store(2, "taken.pdf", null, "someone else's");
        MediaMove move = new MediaMove(1, "0000001.pdf", "taken.pdf", "0000001.pdf", "taken_01.pdf", null);
        assertThrows(FileAlreadyExistsException.class, () -> moves.apply(move, null, () -> commit(move)));
        assertEquals("someone else's", read(MediaArea.ORIGINALS, "taken.pdf"));
        assertEquals("0000001.pdf", rows.get(1L).filename());
        assertFalse(Files.exists(media.resolve(MediaArea.ARCHIVE, "taken_01.pdf")));
        assertEquals(List.of(), journal.pending());
        assertEverythingConsistent();
    }

    @Test
    void aFailedCommitRemovesTheNewNames() throws IOException {
        MediaMove move = new MediaMove(1, "0000001.pdf", "new/name.pdf", "0000001.pdf", "new/name.pdf", null);
        assertThrows(IllegalStateException.class, () -> moves.apply(move, null, () -> {
            throw new IllegalStateException("database down");
        }));
        assertFalse(Files.exists(media.resolve(MediaArea.ORIGINALS, "new/name.pdf")));
        assertEverythingConsistent();
    }

    /** A kill after the journal entry, after the links, after the commit, after removing the old names. */
    @Test
    void aKillAtEveryStepIsSettledAtTheNextStart() throws IOException {
        MediaMove move = new MediaMove(1, "0000001.pdf", "A/one.pdf", "0000001.pdf", "A/one.pdf", null);
        for (int killedAfter = 0; killedAfter < 4; killedAfter++) {
            clear();
            rows.clear();
            setUp();
            journal.write(List.of(move));
            if (killedAfter >= 1) {
                link(MediaArea.ORIGINALS, "0000001.pdf", "A/one.pdf");
                link(MediaArea.ARCHIVE, "0000001.pdf", "A/one.pdf");
            }
            if (killedAfter >= 2) {
                commit(move);
            }
            if (killedAfter >= 3) {
                media.delete(MediaArea.ORIGINALS, "0000001.pdf");
                media.delete(MediaArea.ARCHIVE, "0000001.pdf");
            }
            moves.recover(id -> Optional.ofNullable(rows.get(id)));
            String expected = killedAfter >= 2 ? "A/one.pdf" : "0000001.pdf";
            assertEquals(expected, rows.get(1L).filename(), "killed after step " + killedAfter);
            assertEverythingConsistent();
            assertEquals(List.of(), journal.pending());
        }
    }

    @Test
    void aBatchMovesAllWithOneCommitAndLeavesOutOnlyWhatCannotMove() throws IOException {
        store(2, "0000002.pdf", null, "original two");
        store(3, "0000003.pdf", "0000003.pdf", "original three");
        store(4, "taken.pdf", null, "someone else's");
        List<MediaMove> batch = List.of(
                new MediaMove(1, "0000001.pdf", "2024/one.pdf", "0000001.pdf", "2024/one.pdf", null),
                new MediaMove(2, "0000002.pdf", "taken.pdf", null, null, null),
                new MediaMove(3, "0000003.pdf", "2024/three.pdf", "0000003.pdf", "2024/three.pdf", null));
        List<List<MediaMove>> commits = new java.util.ArrayList<>();
        Map<MediaMove, IOException> left = moves.applyAll(batch, ready -> {
            commits.add(ready);
            ready.forEach(this::commit);
        });
        assertEquals(List.of(batch.get(1)), List.copyOf(left.keySet()));
        assertTrue(left.get(batch.get(1)) instanceof FileAlreadyExistsException);
        assertEquals(List.of(List.of(batch.get(0), batch.get(2))), commits, "one commit for the batch");
        assertEquals("original three", read(MediaArea.ORIGINALS, "2024/three.pdf"));
        assertEquals("archive of original three", read(MediaArea.ARCHIVE, "2024/three.pdf"));
        assertEquals("someone else's", read(MediaArea.ORIGINALS, "taken.pdf"));
        assertEquals("0000002.pdf", rows.get(2L).filename());
        assertEquals(List.of(), journal.pending());
        assertEverythingConsistent();
    }

    @Test
    void aBatchWhoseCommitFailsLeavesNothingBehind() throws IOException {
        store(2, "0000002.pdf", null, "original two");
        List<MediaMove> batch = List.of(
                new MediaMove(1, "0000001.pdf", "2024/one.pdf", "0000001.pdf", "2024/one.pdf", null),
                new MediaMove(2, "0000002.pdf", "2024/two.pdf", null, null, null));
        assertThrows(IllegalStateException.class, () -> moves.applyAll(batch, ready -> {
            throw new IllegalStateException("database down");
        }));
        assertFalse(Files.exists(root.resolve("media/originals/2024/one.pdf")));
        assertFalse(Files.exists(root.resolve("media/originals/2024/two.pdf")));
        assertEquals(List.of(), journal.pending());
        assertEverythingConsistent();
    }

    /** A batch killed after its links, before and after its commit: every document settled either way. */
    @Test
    void aKilledBatchIsSettledAtTheNextStart() throws IOException {
        for (boolean committed : List.of(false, true)) {
            clear();
            rows.clear();
            setUp();
            store(2, "0000002.pdf", null, "original two");
            List<MediaMove> batch = List.of(
                    new MediaMove(1, "0000001.pdf", "2024/one.pdf", "0000001.pdf", "2024/one.pdf", null),
                    new MediaMove(2, "0000002.pdf", "2024/two.pdf", null, null, null));
            journal.write(batch);
            link(MediaArea.ORIGINALS, "0000001.pdf", "2024/one.pdf");
            link(MediaArea.ARCHIVE, "0000001.pdf", "2024/one.pdf");
            link(MediaArea.ORIGINALS, "0000002.pdf", "2024/two.pdf");
            if (committed) {
                batch.forEach(this::commit);
            }
            moves.recover(id -> Optional.ofNullable(rows.get(id)));
            assertEquals(committed ? "2024/two.pdf" : "0000002.pdf", rows.get(2L).filename());
            assertEverythingConsistent();
            assertEquals(List.of(), journal.pending());
        }
    }

    @Test
    void aNewArchiveCopyIsWrittenAndAnUncommittedOneRemovedOnlyWhenItIsOurs() throws IOException {
        byte[] copy = "new archive".getBytes(StandardCharsets.UTF_8);
        Path scratch = Files.write(root.resolve("copy.pdf"), copy);
        String checksum = Sha256.of(scratch);
        MediaMove move = new MediaMove(1, "0000001.pdf", "0000001.pdf", "0000001.pdf", "0000001_01.pdf", checksum);
        moves.apply(move, () -> new ByteArrayInputStream(copy), () -> commit(move));
        assertEquals("new archive", read(MediaArea.ARCHIVE, "0000001_01.pdf"));
        assertFalse(Files.exists(media.resolve(MediaArea.ARCHIVE, "0000001.pdf")), "the old copy goes after the commit");
        assertEverythingConsistent();

        // Killed before the commit, with a file under the new name that is not the one the journal wrote.
        MediaMove interrupted = new MediaMove(1, "0000001.pdf", "0000001.pdf", "0000001_01.pdf", "other.pdf", checksum);
        journal.write(List.of(interrupted));
        try (InputStream in = new ByteArrayInputStream("not ours".getBytes(StandardCharsets.UTF_8))) {
            media.write(MediaArea.ARCHIVE, "other.pdf", in);
        }
        moves.recover(id -> Optional.ofNullable(rows.get(id)));
        assertTrue(Files.exists(media.resolve(MediaArea.ARCHIVE, "other.pdf")), "a file the move did not make stays");
    }

    private void store(long id, String original, String archive, String content) throws IOException {
        media.write(MediaArea.ORIGINALS, original, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
        String archiveChecksum = null;
        if (archive != null) {
            media.write(MediaArea.ARCHIVE, archive,
                    new ByteArrayInputStream(("archive of " + content).getBytes(StandardCharsets.UTF_8)));
            archiveChecksum = Sha256.of(media.resolve(MediaArea.ARCHIVE, archive));
        }
        rows.put(id, new Document(id, "Document " + id, content, null, null, null, null, null, null, null,
                Sha256.of(media.resolve(MediaArea.ORIGINALS, original)), archiveChecksum, null, original, archive,
                original, "application/pdf", 1, null, null, null));
    }

    private Document commit(MediaMove move) {
        Document d = rows.get(move.documentId());
        Document moved = d.withFilenames(move.toOriginal() == null ? d.filename() : move.toOriginal(),
                move.toArchive() == null ? d.archiveFilename() : move.toArchive());
        rows.put(d.id(), moved);
        return moved;
    }

    private void link(MediaArea area, String from, String to) throws IOException {
        Path target = media.resolve(area, to);
        Files.createDirectories(target.getParent());
        Files.createLink(target, media.resolve(area, from));
    }

    private String read(MediaArea area, String name) throws IOException {
        return Files.readString(media.resolve(area, name), StandardCharsets.UTF_8);
    }

    /** Every row's files exist, and every file in the media folder belongs to a row. */
    private void assertEverythingConsistent() throws IOException {
        for (Document d : rows.values()) {
            assertTrue(Files.exists(media.resolve(MediaArea.ORIGINALS, d.filename())), d.filename() + " exists");
            if (d.archiveFilename() != null) {
                assertTrue(Files.exists(media.resolve(MediaArea.ARCHIVE, d.archiveFilename())), d.archiveFilename());
            }
        }
        for (MediaArea area : List.of(MediaArea.ORIGINALS, MediaArea.ARCHIVE)) {
            Path base = root.resolve("media").resolve(area.folder());
            try (Stream<Path> files = Files.walk(base)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String name = base.relativize(f).toString();
                    assertTrue(rows.values().stream().anyMatch(d -> name.equals(area == MediaArea.ORIGINALS
                            ? d.filename() : d.archiveFilename())), "orphaned file " + area.folder() + "/" + name);
                }
            }
        }
    }

    private void clear() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(root)) {
                    Files.delete(p);
                }
            }
        }
    }
}
