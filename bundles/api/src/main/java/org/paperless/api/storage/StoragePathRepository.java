package org.paperless.api.storage;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.StoragePath;

/** The stored StoragePaths. */
@ProviderType
public interface StoragePathRepository extends ObjectRepository<StoragePath> {
}
