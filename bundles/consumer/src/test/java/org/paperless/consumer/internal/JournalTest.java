package org.paperless.consumer.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path dir;

    @Test
    void filesOfADocumentThatWasNeverCommittedAreRemovedAfterACrash() throws Exception {
        Path source = Files.writeString(dir.resolve("scan.txt"), "scan");
        Journal journal = new Journal(dir.resolve("journal"));
        Journal.Entry entry = journal.open(source, Checksums.sha256(source), Checksums.sha256(source));
        Path original = dir.resolve("0000001.txt");
        entry.willWrite(java.util.List.of(original));
        Files.writeString(original, "scan");
        // the process dies here: no close()
        new Journal(dir.resolve("journal")).recover(checksum -> false);
        assertFalse(Files.exists(original), "a media file without a document");
        assertTrue(Files.exists(source), "the source stays to be consumed again");
        assertTrue(isEmpty(dir.resolve("journal")));
    }

    @Test
    void theSourceOfACommittedDocumentIsRemovedAfterACrash() throws Exception {
        Path source = Files.writeString(dir.resolve("scan.txt"), "scan");
        Journal journal = new Journal(dir.resolve("journal"));
        Journal.Entry entry = journal.open(source, Checksums.sha256(source), Checksums.sha256(source));
        Path original = dir.resolve("0000001.txt");
        entry.willWrite(java.util.List.of(original));
        Files.writeString(original, "scan");
        new Journal(dir.resolve("journal")).recover(checksum -> true);
        assertTrue(Files.exists(original));
        assertFalse(Files.exists(source), "consumed exactly once");
    }

    @Test
    void aChangedSourceIsNeverRemoved() throws Exception {
        Path source = Files.writeString(dir.resolve("scan.txt"), "scan");
        Journal.Entry entry = new Journal(dir.resolve("journal")).open(source, Checksums.sha256(source), Checksums.sha256(source));
        entry.committed();
        Files.writeString(source, "a new scan under the same name");
        new Journal(dir.resolve("journal")).recover(checksum -> true);
        assertTrue(Files.exists(source));
        entry.close();
    }

    @Test
    void aNotedCommitIsFinishedEvenWhenTheDatabaseCannotBeAsked() throws Exception {
        Path source = Files.writeString(dir.resolve("scan.txt"), "scan");
        Journal.Entry entry = new Journal(dir.resolve("journal")).open(source, Checksums.sha256(source), "changed-by-a-script");
        Path original = dir.resolve("0000001.txt");
        entry.willWrite(java.util.List.of(original));
        Files.writeString(original, "scan, stamped");
        entry.committed();
        new Journal(dir.resolve("journal")).recover(checksum -> false);
        assertTrue(Files.exists(original), "a committed document keeps its files");
        assertFalse(Files.exists(source));
    }

    @Test
    void recoveryNeverReadsThroughALink() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "scan");
        Path source = dir.resolve("scan.txt");
        String checksum = Checksums.sha256(secret);
        new Journal(dir.resolve("journal")).open(source, checksum, checksum).committed();
        Files.createSymbolicLink(source, secret);
        new Journal(dir.resolve("journal")).recover(c -> true);
        assertTrue(Files.isSymbolicLink(source), "a link is left alone");
        assertTrue(Files.exists(secret));
    }

    private static boolean isEmpty(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.findAny().isEmpty();
        }
    }
}
