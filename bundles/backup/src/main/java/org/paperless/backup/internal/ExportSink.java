package org.paperless.backup.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** Where an export's files go: a folder kept up to date incrementally, or a zip written anew. */
interface ExportSink extends Closeable {

    /**
     * Puts a media file under {@code name} in the export.
     *
     * @param sha256 the file's checksum when known (-c compares it), else null
     * @return the bytes copied; 0 when the export already had the same file
     */
    long putFile(String name, Path source, String sha256) throws IOException;

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
}
