package org.paperless.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that no longer matches the row it was listed with puts nothing in the export; exports are private. */
class ExportConsistencyTest {

    @TempDir
    Path dir;

    private List<ExportSink.Put> document(String originalText, String listedChecksum) throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Path original = Files.writeString(media.resolve("a.pdf"), originalText);
        Path thumbnail = Files.writeString(media.resolve("a.png"), "png");
        return List.of(new ExportSink.Put("a.pdf", original, listedChecksum), new ExportSink.Put("a-thumbnail.png", thumbnail, null));
    }

    @Test
    void aFolderExportTakesNothingOfADocumentWhoseFileChangedSinceItWasListed() throws Exception {
        Path export = dir.resolve("export");
        String listed = Checksums.of(new java.io.ByteArrayInputStream("version 1".getBytes()), "SHA-256");
        List<ExportSink.Put> puts = document("version 2", listed); // regenerated after the row was read
        try (FolderSink sink = new FolderSink(export, false, false)) {
            assertThrows(ExportSink.SourceChanged.class, () -> sink.putDocument(puts));
            try (Stream<Path> files = Files.list(export)) {
                assertEquals(List.of(), files.toList(), "neither the original nor the thumbnail");
            }
            List<ExportSink.Put> fresh = document("version 2", Checksums.sha256(dir.resolve("media/a.pdf")));
            List<ExportSink.Copied> copied = sink.putDocument(fresh);
            assertEquals(Checksums.sha256(export.resolve("a-thumbnail.png")), copied.get(1).sha256());
            sink.finish(false);
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(export)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(export.resolve("a.pdf"))));
    }

    @Test
    void aZipExportWritesNoEntryOfAChangedDocumentAndIsTheOwnersAlone() throws Exception {
        Path folder = dir.resolve("zips");
        String listed = Checksums.of(new java.io.ByteArrayInputStream("version 1".getBytes()), "SHA-256");
        try (ZipSink sink = new ZipSink(folder, "export")) {
            assertThrows(ExportSink.SourceChanged.class, () -> sink.putDocument(document("version 2", listed)));
            sink.putDocument(document("version 2", Checksums.sha256(dir.resolve("media/a.pdf"))));
            Path scratch = sink.scratch(ManifestFiles.MANIFEST);
            Files.writeString(scratch, "[]");
            sink.putGenerated(ManifestFiles.MANIFEST, scratch);
            sink.finish(false);
        }
        Path zip = folder.resolve("export.zip");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(zip)));
        try (ExportSource source = ExportSource.open(zip)) {
            assertEquals(List.of("a-thumbnail.png", "a.pdf", "manifest.json"), source.names(), "each name once");
        }
        assertFalse(Files.exists(folder.resolve(".export.zip" + FolderSink.PART)));
    }
}
