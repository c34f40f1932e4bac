package org.paperless.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderSinkTest {

    @TempDir
    Path dir;

    private Path source(String name, String text, Instant time) throws Exception {
        Path file = Files.writeString(Files.createDirectories(dir.resolve("media")).resolve(name), text);
        Files.setLastModifiedTime(file, FileTime.from(time));
        return file;
    }

    private static long put(ExportSink sink, String name, Path source, String sha256) throws Exception {
        return sink.putDocument(java.util.List.of(new ExportSink.Put(name, source, sha256))).get(0).bytes();
    }

    @Test
    void aSecondRunCopiesOnlyNewOrChangedFilesAndKeepsTheSourceTime() throws Exception {
        Instant then = Instant.parse("2024-01-02T03:04:05Z");
        Path a = source("a.pdf", "first", then);
        Path b = source("b.pdf", "second", then);
        Path export = dir.resolve("export");
        try (FolderSink sink = new FolderSink(export, false, false)) {
            assertEquals(5, put(sink, "x/a.pdf", a, null));
            put(sink, "b.pdf", b, null);
            sink.finish(false);
        }
        assertEquals(FileTime.from(then), Files.getLastModifiedTime(export.resolve("x/a.pdf")));

        Files.writeString(b, "SECOND"); // same size, new time
        try (FolderSink sink = new FolderSink(export, false, false)) {
            assertEquals(0, put(sink, "x/a.pdf", a, null));
            assertEquals(6, put(sink, "b.pdf", b, null));
            sink.finish(false);
            assertEquals(1, sink.copied());
            assertEquals(1, sink.unchanged());
        }
        assertEquals("SECOND", Files.readString(export.resolve("b.pdf")));
    }

    @Test
    void withChecksumsAChangeOfTheSameSizeAndTimeIsCopied() throws Exception {
        Instant then = Instant.parse("2024-01-02T03:04:05Z");
        Path a = source("a.pdf", "first", then);
        Path export = dir.resolve("export");
        try (FolderSink sink = new FolderSink(export, false, false)) {
            put(sink, "a.pdf", a, null);
        }
        Files.writeString(export.resolve("a.pdf"), "FIRST"); // damaged in the export, time kept
        Files.setLastModifiedTime(export.resolve("a.pdf"), FileTime.from(then));
        try (FolderSink sink = new FolderSink(export, false, false)) {
            assertEquals(0, put(sink, "a.pdf", a, null), "size and time alone cannot see it");
        }
        try (FolderSink sink = new FolderSink(export, true, false)) {
            assertEquals(5, put(sink, "a.pdf", a, Checksums.sha256(a)));
        }
        assertEquals("first", Files.readString(export.resolve("a.pdf")));
    }

    @Test
    void deleteRemovesOnlyWhatThisRunDidNotWriteAndOnlyAfterFinishing() throws Exception {
        Path a = source("a.pdf", "first", Instant.now());
        Path export = dir.resolve("export");
        Path stray = Files.writeString(Files.createDirectories(export.resolve("old")).resolve("gone.pdf"), "old");
        try (FolderSink sink = new FolderSink(export, false, false)) {
            put(sink, "a.pdf", a, null);
            assertTrue(Files.exists(stray), "nothing is removed before the run finished");
            assertEquals(1, sink.finish(true).deleted());
        }
        assertFalse(Files.exists(stray));
        assertFalse(Files.exists(export.resolve("old")), "emptied folders go too");
        assertTrue(Files.exists(export.resolve("a.pdf")));
    }

    @Test
    void leftoversOfAnInterruptedRunAreRemovedAndTheManifestOnlyReplacedWhenComplete() throws Exception {
        Path export = Files.createDirectories(dir.resolve("export"));
        Files.writeString(export.resolve("manifest.json"), "[]");
        Path part = Files.writeString(export.resolve(".a.pdf" + FolderSink.PART), "half");
        Path tmp = Files.writeString(export.resolve("manifest.json.tmp"), "[{");
        try (FolderSink sink = new FolderSink(export, false, true)) {
            assertFalse(Files.exists(part));
            assertFalse(Files.exists(tmp));
            Path scratch = sink.scratch("manifest.json");
            Files.writeString(scratch, "[]");
            FileTime before = Files.getLastModifiedTime(export.resolve("manifest.json"));
            Thread.sleep(20);
            sink.putGenerated("manifest.json", scratch);
            assertEquals(before, Files.getLastModifiedTime(export.resolve("manifest.json")), "-cj: unchanged stays");
            assertFalse(Files.exists(scratch));
        }
    }

    @Test
    void namesLeavingTheExportAndTwoFilesUnderOneNameAreRefused() throws Exception {
        Path a = source("a.pdf", "first", Instant.now());
        try (FolderSink sink = new FolderSink(dir.resolve("export"), false, false)) {
            assertThrows(IllegalArgumentException.class, () -> put(sink, "../a.pdf", a, null));
            assertThrows(IllegalArgumentException.class, () -> put(sink, "/etc/a.pdf", a, null));
            put(sink, "a.pdf", a, null);
            assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> put(sink, "a.pdf", a, null));
        }
    }
}
