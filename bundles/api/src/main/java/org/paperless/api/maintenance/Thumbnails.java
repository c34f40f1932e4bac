package org.paperless.api.maintenance;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.backup.Progress;

/** paperless-ngx's document_thumbnails: makes the thumbnails again from the originals. */
@ProviderType
public interface Thumbnails {

    /** @param documentId one document, or null for all */
    MaintenanceReport generate(Long documentId, Progress progress);
}
