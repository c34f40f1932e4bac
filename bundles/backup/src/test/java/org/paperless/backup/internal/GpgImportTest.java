package org.paperless.backup.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.Document;
import org.paperless.api.backup.ImportOptions;
import org.paperless.api.backup.ImportReport;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;
import org.paperless.api.storage.SchemaMigrations;
import org.paperless.backup.internal.gpg.Gpg;
import org.paperless.backup.internal.gpg.MemoryDocuments;

/**
 * An export of an older paperless whose document records say {@code "storage_type": "gpg"}, imported: files that
 * are still encrypted (copied from an old media folder) are decrypted with --passphrase and checked against the
 * record's checksum (the MD5 of the decrypted content, as paperless kept it) before anything is written; files the
 * old exporter had already decrypted are taken as they are. The files are real; the documents are a list in memory.
 */
class GpgImportTest {

    private static final String PASSPHRASE = "correct horse";
    private static final byte[] WEBP = {'R', 'I', 'F', 'F', 40, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '};

    @TempDir
    Path dir;

    private Gpg gpg;
    private Path export;
    private Path instance;
    private MemoryDocuments documents;
    private byte[] encryptedPdf;
    private byte[] oldPdf;
    private byte[] storedGpg;

    @BeforeEach
    void setUp() throws IOException {
        gpg = new Gpg(dir.resolve("gnupg"));
        export = Files.createDirectories(dir.resolve("export"));
        instance = Files.createDirectories(dir.resolve("instance"));
        for (MediaArea area : MediaArea.values()) { // as the storage lays out a fresh media folder
            Files.createDirectories(instance.resolve("media").resolve(area.folder()));
        }
        documents = new MemoryDocuments();
        encryptedPdf = pdf(1);
        oldPdf = pdf(2);
        gpg.encrypt(encryptedPdf, export.resolve("0000001.pdf.gpg"), PASSPHRASE);
        gpg.encrypt(WEBP, export.resolve("0000001-thumbnail.webp.gpg"), PASSPHRASE);
        Files.write(export.resolve("0000002_old.pdf"), oldPdf); // an exporter of 2017: decrypted, the record still says gpg
        storedGpg = Files.readAllBytes(gpg.encrypt(pdf(3), export.resolve("secret.pdf.gpg"), "the owner's own"));
        Files.writeString(export.resolve("manifest.json"), "[" + String.join(",",
                record(1, "gpg", md5(encryptedPdf), "0000001.pdf.gpg", "0000001.pdf.gpg", "0000001-thumbnail.webp.gpg"),
                record(2, "gpg", md5(oldPdf), null, "0000002_old.pdf", null),
                record(3, "unencrypted", md5(storedGpg), "secret.pdf.gpg", "secret.pdf.gpg", null)) + "]");
    }

    private static byte[] pdf(int seed) {
        byte[] bytes = new byte[40_000];
        new Random(seed).nextBytes(bytes);
        System.arraycopy("%PDF-1.4\n".getBytes(), 0, bytes, 0, 9);
        return bytes;
    }

    private static String md5(byte[] bytes) {
        return digest("MD5", bytes);
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String record(int pk, String storageType, String checksum, String filename, String file, String thumbnail) {
        return """
                {"model": "documents.document", "pk": %d, "fields": {"title": "Document %d", "content": "text",
                 "checksum": "%s", "storage_type": "%s", "filename": %s, "mime_type": "application/pdf",
                 "created": "2017-04-01T10:00:00Z", "added": "2017-04-02T10:00:00Z", "modified": "2017-04-02T10:00:00Z"},
                 "__exported_file_name__": "%s", "__exported_thumbnail_name__": %s}
                """.formatted(pk, pk, checksum, storageType, filename == null ? "null" : '"' + filename + '"', file,
                thumbnail == null ? "null" : '"' + thumbnail + '"');
    }

    private ImporterComponent importer() throws IOException {
        MediaStore media = (MediaStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MediaStore.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "resolve" -> instance.resolve("media").resolve(((MediaArea) args[0]).folder()).resolve((String) args[1]);
                    case "delete" -> Files.deleteIfExists(instance.resolve("media").resolve(((MediaArea) args[0]).folder())
                            .resolve((String) args[1]));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        SchemaMigrations migrations = (SchemaMigrations) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SchemaMigrations.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "latest", "current" -> 1;
                    case "all" -> List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        // These exports hold no mail records: the importer needs no mail services for them.
        return new ImporterComponent(documents.collection(), documents.repository(), media, MemoryDocuments.folders(instance),
                migrations, null, null);
    }

    private List<String> mediaFiles() throws IOException {
        Path media = instance.resolve("media");
        if (!Files.isDirectory(media)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(media)) {
            return all.filter(Files::isRegularFile).map(p -> media.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void withThePassphraseEncryptedFilesAreStoredDecryptedWithTheirChecksum() throws IOException {
        ImportReport report = importer().importFrom(export, new ImportOptions(false, PASSPHRASE), null);
        assertEquals(3L, report.imported().get("documents.document"));

        Map<String, Document> byTitle = documents.all().stream().collect(Collectors.toMap(Document::title, d -> d));
        Document one = byTitle.get("Document 1");
        assertEquals("0000001.pdf", one.filename(), "stored decrypted, without .gpg");
        assertEquals(digest("SHA-256", encryptedPdf), one.checksum(), "the checksum of the decrypted file");
        assertArrayEquals(encryptedPdf, Files.readAllBytes(instance.resolve("media/originals/0000001.pdf")));
        assertArrayEquals(WEBP, Files.readAllBytes(instance.resolve("media/thumbnails").resolve(
                String.format("%07d.webp", one.id()))));

        Document two = byTitle.get("Document 2");
        assertEquals(digest("SHA-256", oldPdf), two.checksum());
        assertArrayEquals(oldPdf, Files.readAllBytes(instance.resolve("media/originals").resolve(two.filename())));

        Document three = byTitle.get("Document 3");
        assertEquals("secret.pdf.gpg", three.filename(), "not storage_type gpg: a .gpg file its owner stored, as it is");
        assertArrayEquals(storedGpg, Files.readAllBytes(instance.resolve("media/originals/secret.pdf.gpg")));
        assertEquals(digest("SHA-256", storedGpg), three.checksum());
    }

    @Test
    void withoutThePassphraseTheImportIsRefusedBeforeAnythingIsWritten() throws IOException {
        IOException e = assertThrows(IOException.class, () -> importer().importFrom(export, ImportOptions.DEFAULT, null));
        assertTrue(e.getMessage().contains("0000001.pdf.gpg") && e.getMessage().contains("--passphrase"), e.getMessage());
        assertEquals(List.of(), mediaFiles());
        assertEquals(List.of(), documents.all());
    }

    @Test
    void aWrongPassphraseOrADamagedFileIsRefusedBeforeAnythingIsWritten() throws IOException {
        IOException wrong = assertThrows(IOException.class,
                () -> importer().importFrom(export, new ImportOptions(false, "battery staple"), null));
        assertTrue(wrong.getMessage().contains("0000001.pdf.gpg") && wrong.getMessage().contains("wrong passphrase"),
                wrong.getMessage());

        byte[] whole = Files.readAllBytes(export.resolve("0000001.pdf.gpg"));
        Files.write(export.resolve("0000001.pdf.gpg"), Arrays.copyOf(whole, whole.length - 50));
        IOException damaged = assertThrows(IOException.class,
                () -> importer().importFrom(export, new ImportOptions(false, PASSPHRASE), null));
        assertTrue(damaged.getMessage().contains("truncated or damaged"), damaged.getMessage());
        assertEquals(List.of(), mediaFiles());
        assertEquals(List.of(), documents.all());
    }

    @Test
    void aFileThatDecryptsToOtherContentThanTheRecordSaysIsRefused() throws IOException {
        gpg.encrypt(pdf(9), export.resolve("0000001.pdf.gpg"), PASSPHRASE);
        IOException e = assertThrows(IOException.class,
                () -> importer().importFrom(export, new ImportOptions(false, PASSPHRASE), null));
        assertTrue(e.getMessage().contains("Checksum differs") && e.getMessage().contains("0000001.pdf.gpg"), e.getMessage());
        assertEquals(List.of(), mediaFiles());
    }
}
