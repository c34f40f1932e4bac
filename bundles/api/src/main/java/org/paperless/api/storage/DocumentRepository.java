package org.paperless.api.storage;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.Document;
import org.paperless.api.Note;
import org.paperless.api.NotFoundException;

/** The stored documents with their tags, notes and custom field values. */
@ProviderType
public interface DocumentRepository {

    /** Documents outside the trash, as every listing here counts them. */
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

    /** A stored document; empty when there is none or it is in the trash. */
    Optional<Document> find(long id);

    /**
     * The stored documents among these ids, in their order, complete as {@link #find} gives them; ids with no
     * document or one in the trash are left out. For many at once (the renamer files thousands anew after a
     * retag): an implementation reads them together.
     */
    default List<Document> findAll(List<Long> ids) {
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** One page of the live documents that meet a query, in its order, and how many meet it in all. */
    DocumentQuery.Page query(DocumentQuery query);

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
     * {@link #updateFiles} for many documents in one transaction: all are changed, or none (the renamer files
     * tens of thousands, and one commit per document is what it would wait for). Each is announced as an
     * update after the commit.
     */
    void updateAllFiles(List<FileChange> changes);

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

    /** The document whose original or archive has this checksum, in the trash too (see {@link #trashedAt}). */
    Optional<Document> findByChecksum(String checksum);

    /** Removes the row for good (in the trash or not), with its tags, notes and custom field values. */
    void delete(long id);

    /**
     * Adds a note to a stored document and announces the document as updated.
     *
     * @param user who wrote it, or null
     * @return the note with its id and creation time
     */
    Note addNote(long documentId, String text, String user);

    /**
     * Deletes a note of a stored document and announces the document as updated.
     *
     * @return false when the document has no such note
     */
    boolean deleteNote(long documentId, long noteId);

    /**
     * Gives a stored document a value for a custom field, replacing the one it had, and announces the
     * document as updated.
     */
    CustomFieldInstance setCustomField(long documentId, long fieldId, String value);

    /**
     * Changes the custom fields of many documents in one transaction and announces each as updated.
     *
     * @param values values to set (canonical text, null for none), adding the field where a document lacks it
     * @param attach fields to add without a value where a document lacks them (a value it has stays)
     * @param remove fields to take off
     * @return how many documents changed; ids of documents in the trash or unknown are left alone
     */
    int modifyCustomFields(Collection<Long> documentIds, Map<Long, String> values, Set<Long> attach, Set<Long> remove);

    /**
     * Moves documents into the trash in one transaction (all or none: an unknown id or one already in
     * the trash changes nothing). A trashed document is left out of every listing, count and
     * {@link #find}, but {@link #findByChecksum} still finds it; its files stay. Each is announced as deleted.
     *
     * @return the documents as they were
     */
    List<Document> moveToTrash(List<Long> ids);

    /** The documents in the trash, the longest there first. */
    List<Trashed> trash();

    /** When the document went into the trash; empty when it is not there (or does not exist). */
    Optional<Instant> trashedAt(long id);

    /** Brings documents back from the trash (all or none); each is announced as added. */
    List<Document> restore(List<Long> ids);

    /**
     * Removes documents in the trash for good: the rows first, then their original, archive copy and
     * thumbnail. Ids not in the trash are refused before anything is removed.
     *
     * @return the removed documents
     */
    List<Document> emptyTrash(List<Long> ids);

    /** {@link #emptyTrash(List)} for every document that went into the trash before {@code olderThan}. */
    List<Document> emptyTrash(Instant olderThan);

    /** How long a document stays in the trash before it is emptied (PAPERLESS_EMPTY_TRASH_DELAY, 30 days). */
    Duration emptyTrashDelay();

    /** Empties what has been in the trash longer than {@link #emptyTrashDelay()}: what a daily schedule calls. */
    default List<Document> emptyExpiredTrash() {
        return emptyTrash(Instant.now().minus(emptyTrashDelay()));
    }

    /** A document in the trash and when it went there. */
    record Trashed(Document document, Instant deletedAt) {
    }

    /** Writes a new document's files; gets the document with its id, returns it with its file names. */
    @FunctionalInterface
    interface FileStep {
        Document write(Document stored) throws IOException;
    }

    default Document get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("No document with id " + id));
    }
}
