package org.paperless.storage.internal.files;

import java.io.IOException;

import org.paperless.api.Document;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The files of a document whose row is gone: original, archive copy, thumbnail. */
public final class DocumentFiles {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentFiles.class);

    /** Thumbnails are named after the zero-padded id, as in paperless-ngx; an import may bring WebP ones. */
    private static final String[] THUMBNAIL_EXTENSIONS = {".png", ".webp"};

    private DocumentFiles() {
    }

    /**
     * Deletes what exists of them. Called after the row's commit: a file that cannot be deleted is only
     * logged (the sanity checker reports it as an orphan), since the document is gone either way.
     *
     * @return how many files were deleted
     */
    public static int delete(MediaStore media, Document document) {
        int deleted = delete(media, MediaArea.ORIGINALS, document.filename(), document.id());
        deleted += delete(media, MediaArea.ARCHIVE, document.archiveFilename(), document.id());
        for (String extension : THUMBNAIL_EXTENSIONS) {
            deleted += delete(media, MediaArea.THUMBNAILS, String.format("%07d", document.id()) + extension, document.id());
        }
        return deleted;
    }

    private static int delete(MediaStore media, MediaArea area, String name, long id) {
        if (name == null || name.isBlank()) {
            return 0;
        }
        try {
            return media.delete(area, name) ? 1 : 0;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not delete {}/{} of removed document {}: {}", area.folder(), name, id, e.getMessage());
            return 0;
        }
    }
}
