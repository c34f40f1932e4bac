package org.paperless.api.index;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The full-text index of the documents. It keeps itself current from the document events and catches
 * up on what it missed while it was stopped.
 */
@ProviderType
public interface SearchIndex {

    /**
     * @param query free text, {@code field:value}, phrases, AND/OR/NOT, date ranges such as
     *        {@code created:[2020 to 2021]} and keywords such as {@code added:yesterday}
     * @throws SearchException when the query cannot be understood (the message says where)
     */
    SearchResults search(String query, int offset, int limit) throws SearchException;

    /** Documents whose text is most like the given document's, best first, without the document itself. */
    SearchResults moreLikeThis(long documentId, int offset, int limit) throws SearchException;

    /** Words that start with the prefix, most documents first. */
    List<Completion> autocomplete(String prefix, int limit) throws SearchException;

    /**
     * Words that start with the prefix, counted only in the documents a reader sees: those without an owner,
     * the reader's own and those shared with them, so that words of others' documents do not leak.
     */
    List<Completion> autocomplete(String prefix, int limit, Reader reader) throws SearchException;

    /**
     * Who reads: their name and the documents shared with them (or their groups).
     *
     * @param sharedDocuments ids of documents others own and granted the reader (or a group of theirs) to view
     */
    record Reader(String user, java.util.Set<Long> sharedDocuments) {
        public Reader {
            sharedDocuments = java.util.Set.copyOf(sharedDocuments);
        }
    }

    /**
     * Indexes every document again from the database, in batches.
     *
     * @param recreate start from an empty index (after a schema change or damage)
     * @param progress told after each batch
     */
    IndexState reindex(boolean recreate, Progress progress) throws SearchException;

    /** Merges the index into as few segments as possible. */
    IndexState optimize() throws SearchException;

    IndexState state() throws SearchException;

    /** Progress of a long operation. */
    @FunctionalInterface
    interface Progress {
        void update(long done, long total);
    }
}
