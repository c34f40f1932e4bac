package org.paperless.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.Document;
import org.paperless.api.backup.ExportOptions;
import org.paperless.api.backup.ExportReport;
import org.paperless.api.storage.MediaArea;

/**
 * A folder export copies several documents' files at once; what it writes must not depend on that: records in id
 * order across batches, names given in that order (equal titles numbered the same in every run and in a zip),
 * every file there with its record's checksum, and a damaged document in the middle left out alone.
 */
class ExportOrderTest {

    private static final int COUNT = ExporterComponent.BATCH * 2 + 37;

    @TempDir
    Path dir;
    private StorageInstance instance;
    private final List<Document> stored = new ArrayList<>();

    @BeforeEach
    void fill() throws Exception {
        instance = new StorageInstance(dir.resolve("instance"));
        for (int i = 0; i < COUNT; i++) {
            // Every third document has the same title and date: its export name is numbered _01, _02...
            String title = i % 3 == 0 ? "Same letter" : "Letter " + i;
            stored.add(store(title, "doc-" + i + ".txt", "text " + i + " " + "x".repeat(i * 50), i % 2 == 0));
        }
    }

    @AfterEach
    void close() {
        instance.close();
    }

    @Test
    void recordsAreInIdOrderWithTheNamesASequentialExportGivesAndEveryFileMatches() throws Exception {
        Path folder = dir.resolve("export");
        ExportReport report = instance.exporter().export(ExportOptions.into(folder), null);
        assertEquals(COUNT, report.documents());
        List<JsonNode> documents = documents(folder.resolve(ManifestFiles.MANIFEST));
        assertEquals(stored.stream().map(Document::id).toList(), documents.stream().map(d -> d.path("pk").asLong()).toList());
        List<String> sameTitle = new ArrayList<>();
        for (JsonNode d : documents) {
            String original = d.path(ManifestFiles.FILE_NAME).asText();
            assertEquals(d.path("fields").path("checksum").asText(), Checksums.sha256(folder.resolve(original)), original);
            if (d.has(ManifestFiles.ARCHIVE_NAME)) {
                Path archive = folder.resolve(d.path(ManifestFiles.ARCHIVE_NAME).asText());
                assertEquals(d.path("fields").path("archive_checksum").asText(), Checksums.sha256(archive));
            }
            if (original.contains("Same letter")) {
                sameTitle.add(original);
            }
        }
        List<String> expected = new ArrayList<>();
        for (int n = 0; n < (COUNT + 2) / 3; n++) {
            expected.add("2024-05-01 Same letter" + (n == 0 ? "" : String.format("_%02d", n)) + ".txt");
        }
        assertEquals(expected, sameTitle, "numbered in id order");

        Path zips = dir.resolve("zips");
        ExportOptions zip = new ExportOptions(zips, false, false, false, false, false, false, false, false, true, "z",
                false, null);
        instance.exporter().export(zip, null);
        try (ExportSource source = ExportSource.open(zips.resolve("z.zip"))) {
            List<JsonNode> zipped = new ArrayList<>();
            for (JsonNode r : Json.mapper().readTree(source.open(ManifestFiles.MANIFEST))) {
                if (r.path("model").asText().equals(ManifestFiles.DOCUMENT)) {
                    zipped.add(r);
                }
            }
            assertEquals(names(documents), names(zipped), "a zip, written one file after the other, names them alike");
        }

        ExportReport again = instance.exporter().export(ExportOptions.into(folder), null);
        assertEquals(0, again.copied(), "the same names in the next run: nothing to copy");
    }

    @Test
    void aDamagedDocumentAmongTheOthersIsLeftOutAloneAndItsNameGoesToNoOther() throws Exception {
        Document damaged = stored.get(ExporterComponent.BATCH + 5);
        Files.writeString(instance.media.resolve(MediaArea.ORIGINALS, damaged.filename()), "not what was stored");
        Path folder = dir.resolve("export");
        ExportReport report = instance.exporter().export(ExportOptions.into(folder), null);
        assertEquals(COUNT - 1, report.documents());
        assertEquals(1, report.leftOut());
        List<JsonNode> documents = documents(folder.resolve(ManifestFiles.MANIFEST));
        assertFalse(documents.stream().anyMatch(d -> d.path("pk").asLong() == damaged.id()));
        for (JsonNode d : documents) {
            Path original = folder.resolve(d.path(ManifestFiles.FILE_NAME).asText());
            assertEquals(d.path("fields").path("checksum").asText(), Checksums.sha256(original));
        }
        try (var files = Files.walk(folder)) {
            long originals = files.filter(p -> p.toString().endsWith(".txt")).count();
            assertEquals(COUNT - 1, originals, "no file of the damaged document, no partial copy");
        }
        assertTrue(Files.notExists(folder.resolve("2024-05-01 Letter " + (ExporterComponent.BATCH + 5) + ".txt")));
    }

    private static List<String> names(List<JsonNode> documents) {
        return documents.stream().map(d -> d.path(ManifestFiles.FILE_NAME).asText() + " "
                + d.path(ManifestFiles.ARCHIVE_NAME).asText()).toList();
    }

    private static List<JsonNode> documents(Path manifest) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode r : Json.mapper().readTree(manifest.toFile())) {
            if (r.path("model").asText().equals(ManifestFiles.DOCUMENT)) {
                out.add(r);
            }
        }
        return out;
    }

    private Document store(String title, String filename, String text, boolean withArchive) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        instance.media.write(MediaArea.ORIGINALS, filename, new ByteArrayInputStream(bytes));
        String checksum = Checksums.of(new ByteArrayInputStream(bytes), "SHA-256");
        String archiveName = null;
        String archiveChecksum = null;
        if (withArchive) {
            byte[] archive = ("%PDF-1.7 " + text).getBytes(StandardCharsets.UTF_8);
            archiveName = filename.replace(".txt", ".pdf");
            instance.media.write(MediaArea.ARCHIVE, archiveName, new ByteArrayInputStream(archive));
            archiveChecksum = Checksums.of(new ByteArrayInputStream(archive), "SHA-256");
        }
        return instance.documents.create(new Document(null, title, text, null, null, null, null,
                LocalDate.of(2024, 5, 1), Instant.now(), Instant.now(), checksum, archiveChecksum, null, filename,
                archiveName, filename, "text/plain", 1, null, null, null));
    }
}
