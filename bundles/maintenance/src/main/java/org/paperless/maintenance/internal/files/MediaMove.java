package org.paperless.maintenance.internal.files;

/**
 * One document's files going from their names now to new ones. A "to" name equal to its "from" (or null)
 * means that file stays. The new files exist before the database names them and the old ones are removed
 * only after, so the document always points at a file that exists.
 *
 * @param toArchiveChecksum the SHA-256 of a newly written archive copy, or null when the archive is only renamed
 *        (then the new name is a link to the old file)
 */
public record MediaMove(long documentId, String fromOriginal, String toOriginal, String fromArchive, String toArchive,
        String toArchiveChecksum) {

    public boolean movesOriginal() {
        return toOriginal != null && !toOriginal.equals(fromOriginal);
    }

    public boolean changesArchive() {
        return toArchive != null && !toArchive.equals(fromArchive);
    }

    public boolean changesNothing() {
        return !movesOriginal() && !changesArchive();
    }

    /** Whether the archive's new name gets a newly written file rather than a link to the old one. */
    public boolean writesArchive() {
        return toArchiveChecksum != null;
    }
}
