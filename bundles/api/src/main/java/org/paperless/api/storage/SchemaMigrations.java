package org.paperless.api.storage;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The database schema's numbered migrations. The service exists only once the schema was brought
 * up to date at start, so whoever references it may use the database.
 */
@ProviderType
public interface SchemaMigrations {

    /** Every migration this version knows, in order. */
    List<Migration> all();

    /** The number the schema is at now (0 = empty). */
    int current();

    /** The number of the newest migration this version knows. */
    default int latest() {
        List<Migration> all = all();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).number();
    }

    /**
     * Moves the schema up or down to {@code target}. Fails before changing anything when the target is
     * unknown or a migration on the way down cannot be undone.
     */
    void migrateTo(int target);
}
