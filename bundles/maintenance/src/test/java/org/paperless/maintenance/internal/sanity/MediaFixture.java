package org.paperless.maintenance.internal.sanity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.paperless.api.Document;

/** A real media folder with documents whose files are written as the consumer writes them. */
final class MediaFixture {

    final Path root;
    private final List<Document> documents = new ArrayList<>();

    MediaFixture(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("originals"));
        Files.createDirectories(root.resolve("archive"));
        Files.createDirectories(root.resolve("thumbnails"));
    }

    /** A complete document: original, archive copy, thumbnail, content. */
    Document add(long id) throws IOException {
        return add(id, true, "Text of document " + id);
    }

    Document add(long id, boolean withArchive, String content) throws IOException {
        String stem = String.format(Locale.ROOT, "%07d", id);
        byte[] original = ("%PDF-1.7 original of " + id + " " + "x".repeat((int) (id % 50))).getBytes(StandardCharsets.US_ASCII);
        write("originals/" + stem + ".pdf", original);
        write("thumbnails/" + stem + ".png", ("PNG thumbnail " + id).getBytes(StandardCharsets.US_ASCII));
        String archiveName = null;
        String archiveChecksum = null;
        if (withArchive) {
            byte[] archive = ("%PDF-1.7 archive of " + id).getBytes(StandardCharsets.US_ASCII);
            archiveName = stem + ".pdf";
            write("archive/" + archiveName, archive);
            archiveChecksum = sha256(archive);
        }
        Document d = document(id, content, sha256(original), archiveChecksum, stem + ".pdf", archiveName);
        documents.add(d);
        return d;
    }

    /** Replaces the stored facts of a document (as if the database said otherwise). */
    Document replace(Document changed) {
        documents.replaceAll(d -> d.id().equals(changed.id()) ? changed : d);
        return changed;
    }

    static Document document(long id, String content, String checksum, String archiveChecksum, String filename,
            String archiveFilename) {
        return new Document(id, "Document " + id, content, null, null, null, Set.of(), LocalDate.of(2024, 1, 1),
                Instant.EPOCH, Instant.EPOCH, checksum, archiveChecksum, null, filename, archiveFilename,
                "scan-" + id + ".pdf", "application/pdf", 1, null, List.of(), List.of());
    }

    Path file(String relative) {
        return root.resolve(relative);
    }

    Path write(String relative, byte[] data) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, data);
    }

    /** The documents by id, {@code size} at a time, as DocumentRepository.listAfter hands them out. */
    BatchSource batches(int size) {
        return after -> documents.stream().filter(d -> d.id() > after)
                .sorted((a, b) -> Long.compare(a.id(), b.id())).limit(size).toList();
    }

    int count() {
        return documents.size();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }
}
