package org.paperless.api.backup;

import java.nio.file.Path;

/**
 * What an export did.
 *
 * @param location the export folder, or the zip file
 * @param copied documents' files written because they were new or had changed (manifests aside)
 * @param unchanged files already in the target as they are in the media folder
 * @param deleted files removed by --delete
 */
public record ExportReport(Path location, long documents, long copied, long unchanged, long deleted, long bytesCopied) {
}
