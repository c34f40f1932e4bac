package org.paperless.api.storage;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.SavedView;

/** The stored saved views; who sees which is a matter of their owners and grants ({@link PermissionRepository}). */
@ProviderType
public interface SavedViewRepository {

    /** Every saved view, by name. */
    List<SavedView> list();

    Optional<SavedView> find(long id);

    SavedView create(SavedView view);

    /** @throws org.paperless.api.NotFoundException for an unknown id */
    SavedView update(SavedView view);

    /** Removes it with its owner and grants; false when there was none. */
    boolean delete(long id);
}
