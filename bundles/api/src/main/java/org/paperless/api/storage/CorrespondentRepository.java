package org.paperless.api.storage;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.Correspondent;

/** The stored Correspondents. */
@ProviderType
public interface CorrespondentRepository extends ObjectRepository<Correspondent> {
}
