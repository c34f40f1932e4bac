package org.paperless.api.storage;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.CustomField;

/** The custom field definitions; names are unique, compared case-insensitively. */
@ProviderType
public interface CustomFieldRepository {

    /** By id. */
    List<CustomField> list();

    Optional<CustomField> find(long id);

    /** Stores a new field (its id must be null) and returns it with its id. */
    CustomField create(CustomField field);
}
