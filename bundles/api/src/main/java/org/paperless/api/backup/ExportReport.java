package org.paperless.api.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export did.
 *
 * @param location the export folder, or the zip file
 * @param copied documents' files written because they were new or had changed (manifests aside)
 * @param unchanged files already in the target as they are in the media folder
 * @param deleted files removed by --delete
 * @param leftOut documents still in the collection that are not in the export: their files did not match the
 *        database on any read, changing meanwhile or damaged (documents deleted during the export are not counted)
 * @param warnings for the user, one sentence each: what the export holds less of than the collection (mail
 *        account passwords, documents) and why
 */
public record ExportReport(Path location, long documents, long copied, long unchanged, long deleted, long bytesCopied,
        long leftOut, List<String> warnings) {

    public ExportReport {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A report without warnings, nothing left out. */
    public ExportReport(Path location, long documents, long copied, long unchanged, long deleted, long bytesCopied) {
        this(location, documents, copied, unchanged, deleted, bytesCopied, 0, List.of());
    }
}
