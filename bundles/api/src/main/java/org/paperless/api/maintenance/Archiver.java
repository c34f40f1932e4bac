package org.paperless.api.maintenance;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.backup.Progress;

/**
 * paperless-ngx's document_archiver: writes the searchable PDF/A archive copy of documents that have none
 * (or, with overwrite, of every document), through the same parsers as consumption.
 */
@ProviderType
public interface Archiver {

    /**
     * @param documentId one document, or null for all
     * @param overwrite make the archive copy again even where one exists
     */
    MaintenanceReport archive(Long documentId, boolean overwrite, Progress progress);
}
