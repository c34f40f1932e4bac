package org.paperless.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.Document;
import org.paperless.api.backup.ExportOptions;
import org.paperless.api.backup.ExportReport;
import org.paperless.api.storage.MediaArea;

/**
 * A document the export cannot take is in the report, not only in the log: an original that no longer
 * matches its checksum (damaged on disk) is read {@link ExporterComponent#ATTEMPTS} times, left out, and
 * counted as left out, on real storage.
 */
class ExportWarningsTest {

    @TempDir
    Path dir;

    @Test
    void aDocumentWhoseOriginalNeverMatchesItsChecksumIsLeftOutAndReported() throws Exception {
        try (StorageInstance instance = new StorageInstance(dir.resolve("instance"))) {
            store(instance, "kept.txt", "a letter");
            Document damaged = store(instance, "damaged.txt", "an invoice");
            Files.writeString(instance.media.resolve(MediaArea.ORIGINALS, "damaged.txt"), "an invoicf");

            ExportReport report = instance.exporter().export(ExportOptions.into(dir.resolve("export")), null);

            assertEquals(1, report.documents());
            assertEquals(1, report.leftOut());
            assertEquals(List.of("1 document is not in the export (id " + damaged.id() + "): the files did not match the"
                    + " database on any of 3 reads (changing during the export, or damaged). Export again; if they stay"
                    + " out, run paperless:sanity"), report.warnings());
            String manifest = Files.readString(dir.resolve("export/manifest.json"));
            assertTrue(manifest.contains("kept.txt") && !manifest.contains("damaged.txt"), manifest);
            try (Stream<Path> files = Files.list(dir.resolve("export"))) {
                assertEquals(3, files.count(), "the manifest, metadata.json and the kept original alone");
            }
        }
    }

    @Test
    void aCleanExportHasNoWarnings() throws Exception {
        try (StorageInstance instance = new StorageInstance(dir.resolve("instance"))) {
            store(instance, "kept.txt", "a letter");
            ExportReport report = instance.exporter().export(ExportOptions.into(dir.resolve("export")), null);
            assertEquals(1, report.documents());
            assertEquals(0, report.leftOut());
            assertEquals(List.of(), report.warnings());
        }
    }

    private static Document store(StorageInstance instance, String filename, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        instance.media.write(MediaArea.ORIGINALS, filename, new ByteArrayInputStream(bytes));
        String checksum = Checksums.of(new ByteArrayInputStream(bytes), "SHA-256");
        return instance.documents.create(new Document(null, filename, text, null, null, null, null,
                LocalDate.of(2024, 5, 1), Instant.now(), Instant.now(), checksum, null, null, filename, null, filename,
                "text/plain", 1, null, null, null));
    }
}
