package org.paperless.api.storage;

import org.osgi.annotation.versioning.ProviderType;

/** Describes the database in use. */
@ProviderType
public interface Database {

    DatabaseInfo info();
}
