package org.paperless.backup.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where an export's files go: a folder kept up to date incrementally, or a zip written anew. Files and
 * folders are the owner's alone (0600, 0700): an export holds every document.
 */
interface ExportSink extends Closeable {

    /**
     * One file of a document: where it is in the media folder, its name in the export, its checksum if kept, and
     * whether its MD5 is wanted too (paperless-ngx 2.x keeps MD5).
     */
    record Put(String name, Path source, String sha256, boolean md5) {
        Put(String name, Path source, String sha256) {
            this(name, source, sha256, false);
        }
    }

    /**
     * What a file's entry in the manifest may say: bytes copied (0 when unchanged), its SHA-256 in the export, and
     * its MD5 when asked for (else null).
     */
    record Copied(long bytes, String sha256, String md5) {
        Copied(long bytes, String sha256) {
            this(bytes, sha256, null);
        }
    }

    /**
     * Puts all files of one document, or none: each is hashed while copied, and a file whose bytes do not
     * match the checksum given (the database row was older than the file) puts nothing at all.
     *
     * @throws SourceChanged when a file differs from its checksum; nothing of the document is in the export
     */
    List<Copied> putDocument(List<Put> files) throws IOException;

    /** Whether several threads may put documents at once (a folder); a zip takes one entry after the other. */
    default boolean concurrent() {
        return false;
    }

    /** A scratch file for a generated file (the manifest), to be handed to {@link #putGenerated}. */
    Path scratch(String name) throws IOException;

    /** Moves a finished scratch file into the export under {@code name}. */
    void putGenerated(String name, Path scratch) throws IOException;

    /** Ends a clean run: the export is complete; returns where it is and how many files --delete removed. */
    Finished finish(boolean deleteOthers) throws IOException;

    record Finished(Path location, long deleted) {
    }

    /** Counts of the run so far: the documents' files, not the manifests. */
    long copied();

    long unchanged();

    /** The time spent waiting for the disk to hold what was written. */
    default long flushMillis() {
        return 0;
    }

    /** A media file is not what its database row says: the row changed (or the document went) meanwhile. */
    final class SourceChanged extends IOException {
        private static final long serialVersionUID = 1L;

        SourceChanged(Path source) {
            super(source + " changed while it was exported");
        }
    }
}
