package org.paperless.maintenance.internal.sanity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.Document;
import org.paperless.api.backup.Progress;
import org.paperless.api.maintenance.SanityMessage;
import org.paperless.api.maintenance.SanityMessage.Level;
import org.paperless.api.maintenance.SanityReport;

class SanityCheckTest {

    @TempDir
    Path temp;

    private MediaFixture media;
    private ExecutorService pool;

    @BeforeEach
    void setUp() throws IOException {
        media = new MediaFixture(temp.resolve("media"));
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void aCleanMediaFolderGivesNoMessage() throws IOException {
        media.add(1);
        media.add(2, false, "no archive copy, as for a plain text file");
        media.add(3);
        writeSystemFiles();

        SanityReport report = check(2);

        assertEquals(List.of(), report.messages());
        assertEquals(3, report.documents());
        assertEquals(8, report.files(), "3 thumbnails, 3 originals, 2 archive copies");
        assertTrue(report.ok());
    }

    @Test
    void everyDamageIsReportedInPaperlessWordsPerDocumentThenTheOrphans() throws IOException {
        media.add(1);
        media.add(2);
        Files.delete(media.file("originals/0000002.pdf"));
        Document truncated = media.add(3);
        byte[] whole = Files.readAllBytes(media.file("originals/0000003.pdf"));
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        Files.write(media.file("originals/0000003.pdf"), half);
        Document flipped = media.add(4);
        byte[] bytes = Files.readAllBytes(media.file("originals/0000004.pdf"));
        bytes[5] ^= 0x01;
        Files.write(media.file("originals/0000004.pdf"), bytes);
        media.add(5);
        Files.delete(media.file("thumbnails/0000005.png"));
        Document noArchiveChecksum = media.add(6);
        media.replace(MediaFixture.document(6, noArchiveChecksum.content(), noArchiveChecksum.checksum(), null,
                noArchiveChecksum.filename(), noArchiveChecksum.archiveFilename()));
        Document noArchiveName = media.add(7, false, "text");
        media.replace(MediaFixture.document(7, noArchiveName.content(), noArchiveName.checksum(),
                MediaFixture.sha256("gone".getBytes(StandardCharsets.US_ASCII)), noArchiveName.filename(), null));
        media.add(8, true, "");
        media.add(9);
        Files.delete(media.file("archive/0000009.pdf"));
        Document archiveChanged = media.add(10);
        Files.write(media.file("archive/0000010.pdf"), "%PDF-1.7 another archive".getBytes(StandardCharsets.US_ASCII));
        media.add(11, false, "");
        Files.delete(media.file("thumbnails/0000011.png"));
        Files.delete(media.file("originals/0000011.pdf"));
        media.add(12);

        Path strayOriginal = media.write("originals/stray.pdf", bytes("left over"));
        Path strayArchive = media.write("archive/2019/0000099.pdf", bytes("an old archive copy"));
        Path strayInRoot = media.write("notes.txt", bytes("someone's notes"));
        writeSystemFiles();

        SanityReport report = check(3);

        List<SanityMessage> expected = List.of(
                error(2, "Original of document does not exist."),
                error(3, "Checksum mismatch. Stored: " + truncated.checksum() + ", actual: " + MediaFixture.sha256(half) + "."),
                error(4, "Checksum mismatch. Stored: " + flipped.checksum() + ", actual: " + MediaFixture.sha256(bytes) + "."),
                error(5, "Thumbnail of document does not exist."),
                error(6, "Document has an archive file, but its checksum is missing."),
                error(7, "Document has an archive file checksum, but no archive filename."),
                new SanityMessage(8L, Level.INFO, "Document contains no OCR data"),
                error(9, "Archived version of document does not exist."),
                error(10, "Checksum mismatch of archived document. Stored: " + archiveChanged.archiveChecksum()
                        + ", actual: " + MediaFixture.sha256(media.file("archive/0000010.pdf")) + "."),
                error(11, "Thumbnail of document does not exist."),
                error(11, "Original of document does not exist."),
                new SanityMessage(11L, Level.INFO, "Document contains no OCR data"),
                orphan(strayArchive), orphan(strayInRoot), orphan(strayOriginal)); // sorted by path

        assertEquals(expected, report.messages());
        assertEquals(12, report.documents());
        assertEquals(10, report.count(Level.ERROR));
        assertEquals(3, report.count(Level.WARNING));
        assertEquals(2, report.count(Level.INFO));
        assertFalse(report.ok());
    }

    @Test
    void noContentAloneIsOnlyInformation() throws IOException {
        media.add(1, true, "");

        SanityReport report = check(10);

        assertEquals(List.of(new SanityMessage(1L, Level.INFO, "Document contains no OCR data")), report.messages());
        assertTrue(report.ok());
    }

    @Test
    void filesUnreadableByPermissionsAreReportedNotFatal() throws IOException {
        media.add(1);
        media.add(2);
        Path original = media.file("originals/0000001.pdf");
        Path thumbnail = media.file("thumbnails/0000001.png");
        Path archive = media.file("archive/0000001.pdf");
        for (Path file : List.of(original, thumbnail, archive)) {
            Files.setPosixFilePermissions(file, Set.<PosixFilePermission>of());
        }
        try {
            SanityReport report = check(10);

            assertEquals(2, report.documents(), "the check went on after the unreadable files");
            Assumptions.assumeFalse(readable(original), "running as root: permissions do not stop reading");
            assertEquals(List.of(
                    error(1, "Cannot read thumbnail file of document: Permission denied: " + thumbnail),
                    error(1, "Cannot read original file of document: Permission denied: " + original),
                    error(1, "Cannot read archive file of document: Permission denied: " + archive)),
                    report.messages());
            assertEquals(3, report.files(), "only document 2's files were read");
        } finally {
            for (Path file : List.of(original, thumbnail, archive)) {
                Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            }
        }
    }

    /** Works as root too: Linux refuses to read the first page of a process's memory (EIO). */
    @Test
    void aFileThatFailsWhileBeingReadIsReportedUnreadable() throws IOException {
        Path memory = Path.of("/proc/self/mem");
        Assumptions.assumeTrue(Files.isRegularFile(memory), "needs Linux's /proc");
        media.add(1);
        Path original = media.file("originals/0000001.pdf");
        Files.delete(original);
        Files.createSymbolicLink(original, memory);
        try {
            SanityReport report = check(10);

            assertEquals(List.of(error(1, "Cannot read original file of document: Input/output error: " + original)),
                    report.messages());
            assertEquals(2, report.files(), "the thumbnail and the archive copy");
        } finally {
            Files.delete(original);
        }
    }

    @Test
    void aNameThatLeavesTheMediaFolderIsNotFollowed() throws IOException {
        Document d = media.add(1);
        Files.writeString(temp.resolve("secret.txt"), "not a document");
        media.replace(MediaFixture.document(1, d.content(), d.checksum(), d.archiveChecksum(), "../../secret.txt",
                d.archiveFilename()));

        SanityReport report = check(10);

        assertEquals(2, report.messages().size(), report.messages().toString());
        SanityMessage message = report.messages().get(0);
        assertTrue(message.message().startsWith("Cannot read original file of document: '../../secret.txt'"),
                message.message());
        assertEquals(Level.ERROR, message.level());
        assertEquals(1L, message.documentId());
        // the file the document named before is no one's now
        assertEquals(orphan(media.file("originals/0000001.pdf")), report.messages().get(1));
        assertEquals(2, report.files(), "the thumbnail and the archive copy; nothing outside the media folder");
    }

    @Test
    void progressCountsEveryDocument() throws IOException {
        for (long id = 1; id <= 7; id++) {
            media.add(id);
        }
        List<long[]> updates = new ArrayList<>();

        new SanityCheck(MediaLayout.under(media.root), pool).run(media.batches(3), 7,
                (done, total) -> updates.add(new long[] {done, total}));

        assertEquals(7, updates.size());
        for (int i = 0; i < 7; i++) {
            assertEquals(i + 1, updates.get(i)[0]);
            assertEquals(7, updates.get(i)[1]);
        }
    }

    private SanityReport check(int batchSize) {
        return new SanityCheck(MediaLayout.under(media.root), pool).run(media.batches(batchSize), media.count(),
                Progress.NONE);
    }

    /** What desktops, NAS indexers, sync tools and an unfinished write leave: never orphans. */
    private void writeSystemFiles() throws IOException {
        for (String name : List.of("originals/.DS_Store", "originals/._0000001.pdf", "thumbnails/Thumbs.db",
                "archive/desktop.ini", "originals/@eaDir/0000001.pdf/SYNOINDEX_MEDIA_INFO", ".stfolder/marker",
                ".stversions/originals/0000001~20240101.pdf", "originals/.syncthing.0000001.pdf.tmp",
                "originals/.tmp-4711.part", ".DS_Store")) {
            media.write(name, bytes("system"));
        }
    }

    private static boolean readable(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            in.read();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static SanityMessage error(long id, String message) {
        return new SanityMessage(id, Level.ERROR, message);
    }

    private static SanityMessage orphan(Path file) {
        return new SanityMessage(null, Level.WARNING, "Orphaned file in media dir: " + file.toAbsolutePath().normalize());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
