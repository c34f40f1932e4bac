package org.paperless.backup.internal.gpg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.Document;
import org.paperless.api.maintenance.MaintenanceReport;

/**
 * paperless:decrypt over real files encrypted by the real gpg; the documents are a list in memory (the run over
 * the real database is exercised in the distribution).
 */
class DecrypterComponentTest {

    private static final String PASSPHRASE = "correct horse";

    @TempDir
    Path root;

    private Gpg gpg;
    private MemoryDocuments documents;
    private Path originals;
    private Path thumbnails;
    private DecrypterComponent decrypter;

    @BeforeEach
    void setUp() throws IOException {
        gpg = new Gpg(root.resolve("gnupg"));
        documents = new MemoryDocuments();
        originals = Files.createDirectories(root.resolve("media/originals"));
        thumbnails = Files.createDirectories(root.resolve("media/thumbnails"));
        decrypter = new DecrypterComponent(documents.repository(), MemoryDocuments.folders(root));
    }

    private static byte[] content(int seed, String start) {
        byte[] bytes = new byte[50_000 + seed];
        new Random(seed).nextBytes(bytes);
        byte[] head = start.getBytes();
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A document as an older paperless left it: the checksum is the MD5 of the decrypted original. */
    private Document encryptedDocument(String filename, byte[] original, String mimeType) throws IOException {
        Path file = originals.resolve(filename);
        Files.createDirectories(file.getParent());
        gpg.encrypt(original, file, PASSPHRASE);
        return documents.add(document(filename, hex("MD5", original), mimeType));
    }

    private static Document document(String filename, String checksum, String mimeType) {
        return new Document(null, filename, "", null, null, null, null, LocalDate.of(2017, 4, 1), Instant.now(),
                Instant.now(), checksum, null, null, filename, null, filename, mimeType, 1, null, null, null);
    }

    private void encryptedThumbnail(long id, String extension, byte[] image) throws IOException {
        gpg.encrypt(image, thumbnails.resolve(String.format("%07d%s.gpg", id, extension)), PASSPHRASE);
    }

    private Map<String, String> media() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root.resolve("media"))) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(root.resolve("media").relativize(p).toString(), hex("SHA-256", Files.readAllBytes(p)));
            }
        }
        return files;
    }

    @Test
    void theRightPassphraseDecryptsOriginalsAndThumbnailsAndASecondRunFindsNothingToDo() throws IOException {
        byte[] first = content(1, "%PDF-1.4");
        byte[] letter = content(2, "%PDF-1.5");
        byte[] png = content(3, "\u0089PNG");
        Document one = encryptedDocument("0000001.pdf.gpg", first, "application/pdf");
        encryptedThumbnail(one.id(), ".png", png);
        Document two = encryptedDocument("2019/letter.pdf.gpg", letter, "application/pdf");
        Files.writeString(originals.resolve("2019/letter.pdf"), "the plain original of document three");
        Document three = documents.add(document("2019/letter.pdf", hex("SHA-256",
                Files.readAllBytes(originals.resolve("2019/letter.pdf"))), "application/pdf"));
        encryptedThumbnail(three.id(), ".webp", png);
        Path stored = gpg.encrypt(content(4, "stored as it came"), originals.resolve("0000004.gpg"), "another one");
        Document own = documents.add(document("0000004.gpg", hex("SHA-256", Files.readAllBytes(stored)), "application/pgp-encrypted"));

        List<long[]> progress = new ArrayList<>();
        MaintenanceReport report = decrypter.decrypt(PASSPHRASE.toCharArray(), (done, total) -> progress.add(new long[] {done, total}));

        assertEquals(List.of(), report.problems());
        assertEquals(4, report.documents());
        assertEquals(3, report.changed());
        assertEquals(1, report.unchanged());
        assertEquals(3, progress.size());
        assertArrayEquals(new long[] {3, 3}, progress.get(2));

        Document decrypted = documents.get(one.id());
        assertEquals("0000001.pdf", decrypted.filename());
        assertEquals(hex("SHA-256", first), decrypted.checksum(), "the checksum is the decrypted file's SHA-256");
        assertArrayEquals(first, Files.readAllBytes(originals.resolve("0000001.pdf")));
        assertArrayEquals(png, Files.readAllBytes(thumbnails.resolve("0000001.png")));
        assertEquals("2019/letter_01.pdf", documents.get(two.id()).filename(), "letter.pdf is document three's");
        assertArrayEquals(letter, Files.readAllBytes(originals.resolve("2019/letter_01.pdf")));
        assertEquals("the plain original of document three", Files.readString(originals.resolve("2019/letter.pdf")));
        assertArrayEquals(png, Files.readAllBytes(thumbnails.resolve("0000003.webp")));
        assertEquals(own, documents.get(own.id()), "a .gpg file stored as a document stays as it is");
        assertTrue(Files.exists(stored));
        assertEquals(List.of("originals/0000001.pdf", "originals/0000004.gpg", "originals/2019/letter.pdf",
                "originals/2019/letter_01.pdf", "thumbnails/0000001.png", "thumbnails/0000003.webp"),
                List.copyOf(media().keySet()));

        MaintenanceReport again = decrypter.decrypt(PASSPHRASE.toCharArray(), (done, total) -> { });
        assertEquals(0, again.changed());
        assertEquals(4, again.unchanged());
    }

    @Test
    void aWrongPassphraseChangesNothing() throws IOException {
        Files.write(originals.resolve("0000001.pdf"), content(5, "%PDF"));
        Document done = documents.add(document("0000001.pdf", hex("SHA-256", content(5, "%PDF")), "application/pdf"));
        encryptedThumbnail(done.id(), ".png", content(6, "\u0089PNG"));
        Files.write(thumbnails.resolve("0000001.png"), content(6, "\u0089PNG")); // a run killed before the .gpg went
        encryptedDocument("0000002.pdf.gpg", content(1, "%PDF"), "application/pdf");
        encryptedThumbnail(2, ".png", content(2, "\u0089PNG"));
        encryptedDocument("0000003.pdf.gpg", content(3, "%PDF"), "application/pdf");
        Map<String, String> before = media();
        List<Document> rows = documents.all();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> decrypter.decrypt("battery staple".toCharArray(), null));
        assertTrue(e.getMessage().startsWith("Wrong passphrase"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was changed"), e.getMessage());
        assertEquals(before, media());
        assertEquals(rows, documents.all());
    }

    @Test
    void documentsThatCannotBeDecryptedAreReportedAndLeftAsTheyAre() throws IOException {
        byte[] good = content(1, "%PDF");
        Document cut = encryptedDocument("cut.pdf.gpg", content(2, "%PDF"), "application/pdf");
        byte[] whole = Files.readAllBytes(originals.resolve("cut.pdf.gpg"));
        Files.write(originals.resolve("cut.pdf.gpg"), java.util.Arrays.copyOf(whole, whole.length - 100));
        Files.write(originals.resolve("plain.pdf.gpg"), good);
        Document plain = documents.add(document("plain.pdf.gpg", null, "application/pdf"));
        Document changed = encryptedDocument("changed.pdf.gpg", content(3, "%PDF"), "application/pdf");
        // a record whose checksum is of another content than its file holds
        Document mismatch = documents.add(document("other.pdf.gpg", hex("MD5", good), "application/pdf"));
        Files.copy(originals.resolve("changed.pdf.gpg"), originals.resolve("other.pdf.gpg"));
        Document fine = encryptedDocument("fine.pdf.gpg", good, "application/pdf");
        Map<String, String> before = media();

        MaintenanceReport report = decrypter.decrypt(PASSPHRASE.toCharArray(), null);

        assertEquals(1 + 1, report.changed(), "changed.pdf and fine.pdf");
        Map<Long, String> reasons = new TreeMap<>();
        report.problems().forEach(p -> reasons.put(p.documentId(), p.reason()));
        assertEquals(List.of(cut.id(), plain.id(), mismatch.id()), List.copyOf(reasons.keySet()));
        assertTrue(reasons.get(cut.id()).contains("truncated or damaged"), reasons.get(cut.id()));
        assertTrue(reasons.get(plain.id()).contains("not a GPG-encrypted file"), reasons.get(plain.id()));
        assertTrue(reasons.get(mismatch.id()).contains("does not match the checksum"), reasons.get(mismatch.id()));
        for (Document d : List.of(cut, plain, mismatch)) {
            assertEquals(d, documents.get(d.id()));
            assertEquals(before.get("originals/" + d.filename()), media().get("originals/" + d.filename()));
        }
        assertEquals("fine.pdf", documents.get(fine.id()).filename());
        assertEquals("changed.pdf", documents.get(changed.id()).filename());
        assertFalse(media().keySet().stream().anyMatch(n -> n.contains(".tmp-")));
    }

    @Test
    void killedBeforeTheDatabaseChangeTheNextRunTakesTheDecryptedTwin() throws IOException {
        byte[] original = content(1, "%PDF");
        Document d = encryptedDocument("0000001.pdf.gpg", original, "application/pdf");
        documents.beforeUpdate = change -> {
            throw new IllegalStateException("killed");
        };
        MaintenanceReport killed = decrypter.decrypt(PASSPHRASE.toCharArray(), null);
        assertEquals(1, killed.problems().size());
        assertEquals("0000001.pdf.gpg", documents.get(d.id()).filename(), "still pointing at a file that exists");
        assertTrue(Files.exists(originals.resolve("0000001.pdf.gpg")));
        assertTrue(Files.exists(originals.resolve("0000001.pdf")));

        documents.beforeUpdate = change -> { };
        MaintenanceReport rerun = decrypter.decrypt(PASSPHRASE.toCharArray(), null);
        assertTrue(rerun.ok(), rerun.problems().toString());
        assertEquals("0000001.pdf", documents.get(d.id()).filename());
        assertEquals(List.of("originals/0000001.pdf"), List.copyOf(media().keySet()), "no second copy, no .gpg");
    }

    @Test
    void killedAfterTheDatabaseChangeTheNextRunRemovesTheEncryptedLeftover() throws IOException {
        byte[] original = content(1, "%PDF");
        Document d = encryptedDocument("0000001.pdf.gpg", original, "application/pdf");
        gpg.encrypt(content(9, "%PDF"), originals.resolve("unknown.pdf.gpg"), PASSPHRASE); // no document's
        documents.afterUpdate = change -> {
            throw new IllegalStateException("killed");
        };
        decrypter.decrypt(PASSPHRASE.toCharArray(), null);
        assertEquals("0000001.pdf", documents.get(d.id()).filename());
        assertTrue(Files.exists(originals.resolve("0000001.pdf.gpg")), "left by the killed run");

        documents.afterUpdate = change -> { };
        MaintenanceReport rerun = decrypter.decrypt(PASSPHRASE.toCharArray(), null);
        assertTrue(rerun.ok());
        assertEquals(List.of("originals/0000001.pdf", "originals/unknown.pdf.gpg"), List.copyOf(media().keySet()),
                "the leftover goes; a .gpg file that is no document's stays");
    }
}
