package org.paperless.api.matching;

/**
 * What to match again and how, with the meaning of document_retagger's options.
 *
 * @param useFirst for a single-valued field several matches assign the first instead of nothing
 * @param overwrite replace what is set; for tags, remove those that no longer match, except inbox tags and
 *        tags without a rule
 * @param suggest only report what would change
 * @param fromId first document id, or null; {@code toId} likewise the last
 */
public record RetagRequest(boolean correspondent, boolean tags, boolean documentType, boolean storagePath,
        boolean inboxOnly, boolean useFirst, boolean overwrite, boolean suggest, Long fromId, Long toId) {

    public boolean anything() {
        return correspondent || tags || documentType || storagePath;
    }
}
