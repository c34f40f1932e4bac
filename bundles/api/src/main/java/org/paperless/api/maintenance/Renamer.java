package org.paperless.api.maintenance;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.backup.Progress;

/**
 * paperless-ngx's document_renamer: moves documents' files to where the current filename format and their
 * storage path put them. Never overwrites or deletes another file; a crash at any moment leaves each
 * document pointing at a file that exists.
 */
@ProviderType
public interface Renamer {

    /** @param documentId one document, or null for all */
    MaintenanceReport rename(Long documentId, Progress progress);
}
