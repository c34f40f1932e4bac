package org.paperless.api.storage;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.Document;
import org.paperless.api.NotFoundException;

/** The stored documents with their tags, notes and custom field values. */
@ProviderType
public interface DocumentRepository {

    long count();

    /** Documents ordered by id, without notes and custom fields (a listing needs neither). */
    List<Document> list(int offset, int limit);

    /** Complete documents (notes and custom fields too) with an id above {@code afterId}, by id: one batch of a walk. */
    List<Document> listAfter(long afterId, int limit);

    /** Like {@link #listAfter}, only documents modified at or after {@code since}. */
    List<Document> listModifiedSince(Instant since, long afterId, int limit);

    /** The latest modification time of any document, or empty when there is none. */
    java.util.Optional<Instant> lastModified();

    /** The ids above {@code afterId}, ascending: one batch of a walk over every id. */
    List<Long> idsAfter(long afterId, int limit);

    /** Stores new documents that have no files yet (an import, generated test data) in one transaction. */
    List<Document> createAll(List<Document> documents);

    Optional<Document> find(long id);

    /** Stores a new document with its tags, notes and custom field values in one transaction. */
    Document create(Document document);

    /**
     * Stores a new document and, inside the same transaction, lets {@code files} write its files once the
     * id is known (the default file name is the zero-padded id); the file names it returns are stored
     * with the row. When anything throws, no row is stored; deleting what {@code files} wrote is then
     * the caller's business.
     */
    Document create(Document document, FileStep files);

    /**
     * Changes what a person or a rule assigns (title, correspondent, type, storage path, tags, created
     * date, archive serial number, owner); the modification time becomes now. Files are not moved.
     */
    Document update(Document document);

    /**
     * {@link #update} for many documents in one transaction: all are changed, or none. Returns them as
     * given with their new modification time (not read back: the retagger changes tens of thousands).
     */
    List<Document> updateAll(List<Document> documents);

    /**
     * Records that a document's files changed (moved by the renamer, decrypted, a new archive copy) in one
     * transaction and announces it as an update. The modification time moves only when the content changes.
     *
     * @return the document as stored now
     */
    Document updateFiles(FileChange change);

    /**
     * New file facts of one document.
     *
     * @param filename the original's name under originals/ (never null)
     * @param archiveFilename the archive copy's name under archive/, or null when it has none
     * @param archiveChecksum the archive copy's SHA-256, or null when it has none
     * @param checksum the original's SHA-256, or null to keep it
     * @param content new text, or null to keep it
     */
    record FileChange(long id, String filename, String archiveFilename, String archiveChecksum, String checksum,
            String content) {

        public FileChange {
            java.util.Objects.requireNonNull(filename, "filename");
            if ((archiveFilename == null) != (archiveChecksum == null)) {
                throw new IllegalArgumentException("an archive copy needs both its name and its checksum");
            }
        }

        /** The same files under other names. */
        public static FileChange renamed(Document d, String filename, String archiveFilename) {
            return new FileChange(d.id(), filename, archiveFilename, archiveFilename == null ? null : d.archiveChecksum(),
                    null, null);
        }
    }

    /** The document whose original or archive has this checksum. */
    Optional<Document> findByChecksum(String checksum);

    void delete(long id);

    /** Writes a new document's files; gets the document with its id, returns it with its file names. */
    @FunctionalInterface
    interface FileStep {
        Document write(Document stored) throws IOException;
    }

    default Document get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("No document with id " + id));
    }
}
