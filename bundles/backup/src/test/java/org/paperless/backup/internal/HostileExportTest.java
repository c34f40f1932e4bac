package org.paperless.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.CustomFieldType;
import org.paperless.api.backup.Progress;

/** Exports crafted to read files of the server or to exhaust it are refused before anything is written. */
class HostileExportTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    @TempDir
    Path dir;

    private Path export() throws IOException {
        Path export = Files.createDirectories(dir.resolve("export"));
        Files.writeString(export.resolve("a.pdf"), "%PDF-1.7 alpha");
        Files.writeString(export.resolve("manifest.json"), """
                [{"model": "documents.document", "pk": 1, "fields": {"checksum": "%s"}, "__exported_file_name__": "a.pdf"}]
                """.formatted(Checksums.sha256(export.resolve("a.pdf"))));
        return export;
    }

    private Path secret() throws IOException {
        return Files.writeString(dir.resolve("admin.credentials"), "admin:secret");
    }

    @Test
    void aSymbolicLinkAnywhereInTheExportRefusesIt() throws Exception {
        Path export = export();
        Path link = Files.createSymbolicLink(export.resolve("b.pdf"), secret());
        IOException e = assertThrows(IOException.class, () -> ExportSource.open(export));
        assertTrue(e.getMessage().contains("b.pdf") && e.getMessage().contains("symbolic link"), e.getMessage());

        Files.delete(link);
        Files.createSymbolicLink(export.resolve("sub"), dir);
        assertThrows(IOException.class, () -> ExportSource.open(export), "a linked folder");

        Files.delete(export.resolve("sub"));
        Path real = Files.move(export.resolve("manifest.json"), dir.resolve("manifest.json"));
        Files.createSymbolicLink(export.resolve("manifest.json"), real);
        assertThrows(IOException.class, () -> ExportSource.open(export), "the manifest itself");

        Files.delete(export.resolve("manifest.json"));
        Files.move(real, export.resolve("manifest.json"));
        try (ExportSource source = ExportSource.open(export)) {
            assertEquals(List.of("a.pdf", "manifest.json"), source.names());
            // a link made after the export was opened is not followed either
            Files.createSymbolicLink(export.resolve("late.pdf"), secret());
            assertThrows(IOException.class, () -> source.open("late.pdf").close());
        }
    }

    @Test
    void aDocumentFileWithoutChecksumIsRefusedAndAThumbnailWithoutOneMustBeAnImage() throws Exception {
        Path export = Files.createDirectories(dir.resolve("export"));
        Files.write(export.resolve("shadow"), Files.readAllBytes(secret())); // a copy, as a hard link would show it
        Files.writeString(export.resolve("manifest.json"), """
                [{"model": "documents.document", "pk": 4, "fields": {"checksum": null}, "__exported_file_name__": "shadow"}]""");
        try (ExportSource source = ExportSource.open(export)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ExportCheck.run(source, Json.mapper(), Progress.NONE));
            assertTrue(e.getMessage().contains("document 4") && e.getMessage().contains("without its checksum"), e.getMessage());
        }
        Files.writeString(export.resolve("a.pdf"), "%PDF-1.7");
        Files.write(export.resolve("good.png"), PNG);
        Files.writeString(export.resolve("manifest.json"), """
                [{"model": "documents.document", "pk": 1, "fields": {"checksum": "%s"}, "__exported_file_name__": "a.pdf",
                  "__exported_thumbnail_name__": "good.png"},
                 {"model": "documents.document", "pk": 2, "fields": {"checksum": "%s"}, "__exported_file_name__": "a.pdf",
                  "__exported_thumbnail_name__": "shadow"}]
                """.formatted(Checksums.sha256(export.resolve("a.pdf")), Checksums.sha256(export.resolve("a.pdf"))));
        try (ExportSource source = ExportSource.open(export)) {
            ExportCheck.Result result = ExportCheck.run(source, Json.mapper(), Progress.NONE);
            assertEquals(List.of("shadow"), result.changed(), "the PNG passes, the credentials do not");
        }
    }

    @Test
    void aZipEntryInflatingBeyondWhatItDeclaresIsCutOff() throws Exception {
        byte[] real = new byte[100_000];
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("manifest.json"));
            out.write("[]".getBytes());
            out.closeEntry();
            out.putNextEntry(new ZipEntry("big.pdf"));
            out.write(real);
            out.closeEntry();
        }
        lieAboutSize(zip, "big.pdf", 10);
        try (ExportSource source = ExportSource.open(zip); InputStream in = source.open("big.pdf")) {
            assertEquals(10, source.totalBytes() - 2, "the declared sizes are what is counted");
            IOException e = assertThrows(IOException.class, in::readAllBytes);
            assertTrue(e.getMessage().contains("more than the zip declares"), e.getMessage());
        }
    }

    /** Rewrites the uncompressed size of an entry in the central directory, as a crafted zip would have it. */
    private static void lieAboutSize(Path zip, String name, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        byte[] wanted = name.getBytes();
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2
                    && java.util.Arrays.equals(bytes, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
                bytes[i + 24] = (byte) size;
                bytes[i + 25] = 0;
                bytes[i + 26] = 0;
                bytes[i + 27] = 0;
            }
        }
        Files.write(zip, bytes);
    }

    @Test
    void numbersBeyondWhatAFieldHoldsAreRefusedBeforeTheyAreWrittenOut() throws Exception {
        JsonNode record = Json.mapper().readTree("""
                {"model": "documents.customfieldinstance", "pk": 3, "fields": {"document": 7, "field": 1,
                 "value_float": 1e999999999, "value_int": 9223372036854775808}}""");
        long started = System.nanoTime();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordMapping.fieldValue(record, 1,
                CustomFieldType.FLOAT, com.fasterxml.jackson.databind.node.MissingNode.getInstance()));
        assertTrue(System.nanoTime() - started < 1_000_000_000L, "refused at once, not after building a gigabyte");
        assertTrue(e.getMessage().contains("document 7") && e.getMessage().contains("1E+999999999"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RecordMapping.fieldValue(record, 1, CustomFieldType.INTEGER,
                com.fasterxml.jackson.databind.node.MissingNode.getInstance()));
        assertEquals("12.50", NumberBounds.plain(new BigDecimal("12.50"), CustomFieldType.MONETARY));
        assertEquals("1200", NumberBounds.plain(new BigDecimal("1.2E+3"), CustomFieldType.FLOAT));
        assertEquals("-9223372036854775808", NumberBounds.plain(new BigDecimal("-9223372036854775808"), CustomFieldType.INTEGER));
        assertThrows(IllegalArgumentException.class, () -> NumberBounds.plain(new BigDecimal("1.5"), CustomFieldType.INTEGER));
        assertThrows(IllegalArgumentException.class, () -> NumberBounds.plainText("1e-999999999", CustomFieldType.FLOAT));
    }

    @Test
    void overlongNumbersAndDeepNestingAreRefusedByTheParser() {
        String digits = "1".repeat(Json.MAX_NUMBER_CHARS + 1);
        assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class, () -> Json.mapper().readTree("[" + digits + "]"));
        String deep = "[".repeat(Json.MAX_NESTING + 1) + "]".repeat(Json.MAX_NESTING + 1);
        assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class, () -> Json.mapper().readTree(deep));
    }

    @Test
    void aNameTheMediaStoreTakesForAnUnfinishedWriteIsNotKept() {
        assertEquals("0000007.pdf", ImporterComponent.mediaName(".tmp-123.part", "0000007.pdf"));
        assertEquals("0000007.pdf", ImporterComponent.mediaName("acme/.tmp-123.part", "0000007.pdf"));
        assertEquals("acme/2024/bill.pdf", ImporterComponent.mediaName("acme/2024/bill.pdf", "0000007.pdf"));
    }
}
