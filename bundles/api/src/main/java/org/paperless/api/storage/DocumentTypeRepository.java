package org.paperless.api.storage;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.DocumentType;

/** The stored DocumentTypes. */
@ProviderType
public interface DocumentTypeRepository extends ObjectRepository<DocumentType> {
}
