package org.paperless.api.storage;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.Tag;

/** The stored Tags. */
@ProviderType
public interface TagRepository extends ObjectRepository<Tag> {
}
