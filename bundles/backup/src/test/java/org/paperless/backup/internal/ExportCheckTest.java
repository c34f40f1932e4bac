package org.paperless.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.backup.Progress;

class ExportCheckTest {

    @TempDir
    Path dir;

    private static String hash(String text, String algorithm) throws Exception {
        return Checksums.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), algorithm);
    }

    @Test
    void missingChangedAndExtraFilesAreFoundWithSha256AndMd5Checksums() throws Exception {
        Files.writeString(dir.resolve("a.pdf"), "alpha");
        Files.writeString(dir.resolve("b.pdf"), "beta!");
        Files.writeString(dir.resolve("stray.txt"), "?");
        Files.writeString(dir.resolve("manifest.json"), """
                [{"model": "documents.tag", "pk": 1, "fields": {"name": "x"}},
                 {"model": "documents.document", "pk": 1, "fields": {"checksum": "%s"}, "__exported_file_name__": "a.pdf"},
                 {"model": "documents.document", "pk": 2, "fields": {"checksum": "%s"}, "__exported_file_name__": "b.pdf"},
                 {"model": "documents.document", "pk": 3, "fields": {"checksum": "%s"}, "__exported_file_name__": "c.pdf"}]
                """.formatted(hash("alpha", "SHA-256"), hash("beta", "MD5"), hash("gamma", "SHA-256")));
        try (ExportSource source = ExportSource.open(dir)) {
            ExportCheck.Result result = ExportCheck.run(source, Json.mapper(), Progress.NONE);
            assertEquals(3, result.documents());
            assertEquals(2, result.checked());
            assertEquals(List.of("c.pdf"), result.missing());
            assertEquals(List.of("b.pdf"), result.changed());
            assertTrue(!result.referenced().contains("stray.txt") && result.referenced().contains("manifest.json"));
        }
        VerifierComponent verifier = new VerifierComponent();
        assertEquals(List.of("stray.txt"), verifier.verify(dir, null).extra());
    }

    @Test
    void aNameOutsideTheExportStopsTheCheck() throws Exception {
        Files.writeString(dir.resolve("manifest.json"), """
                [{"model": "documents.document", "pk": 9, "fields": {}, "__exported_file_name__": "/etc/passwd"}]""");
        try (ExportSource source = ExportSource.open(dir)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ExportCheck.run(source, Json.mapper(), Progress.NONE));
            assertTrue(e.getMessage().contains("document 9") && e.getMessage().contains("absolute"), e.getMessage());
        }
    }

    @Test
    void aDamagedManifestSaysWhere() throws Exception {
        Files.writeString(dir.resolve("manifest.json"), "[{\"model\": \"documents.tag\",\n \"pk\": }]");
        try (ExportSource source = ExportSource.open(dir)) {
            java.io.IOException e = assertThrows(java.io.IOException.class,
                    () -> ExportCheck.run(source, Json.mapper(), Progress.NONE));
            assertTrue(e.getMessage().startsWith("manifest.json is damaged") && e.getMessage().contains("line 2"), e.getMessage());
        }
        assertThrows(java.io.IOException.class, () -> ExportSource.open(dir.resolve("nothing-here")));
    }
}
