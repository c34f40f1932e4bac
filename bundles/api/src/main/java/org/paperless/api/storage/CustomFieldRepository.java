package org.paperless.api.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.CustomField;

/** The custom field definitions; names are unique, compared case-insensitively. */
@ProviderType
public interface CustomFieldRepository {

    /** By id. */
    List<CustomField> list();

    Optional<CustomField> find(long id);

    /**
     * Stores a new field (its id must be null) and returns it with its id; select options without an id get one.
     *
     * @throws org.paperless.api.ConflictException when the name is taken
     */
    CustomField create(CustomField field);

    /**
     * Changes a field's name, options or default currency. Documents follow their options: a renamed option's
     * documents show the new label, a removed option's keep the field without a value. The data type changes
     * only while no document has a value for the field.
     *
     * @throws org.paperless.api.NotFoundException when there is no such field
     * @throws org.paperless.api.ConflictException when the name is taken or the type cannot change
     */
    CustomField update(CustomField field);

    /** Deletes a field and every document's value for it; false when there was no such field. */
    boolean delete(long id);

    /** How many documents outside the trash carry each field; fields none carries are left out. */
    Map<Long, Long> documentCounts();
}
