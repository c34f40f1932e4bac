package org.paperless.api.storage;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.ClassifyingObject;
import org.paperless.api.NotFoundException;

/** Stores one kind of classifying object. Names are unique per kind, compared case-insensitively. */
@ProviderType
public interface ObjectRepository<T extends ClassifyingObject> {

    /** A word for messages: "correspondent", "tag", ... */
    String kind();

    List<T> list();

    long count();

    Optional<T> find(long id);

    Optional<T> findByName(String name);

    /** Stores a new object (its id must be null) and returns it with its id. */
    T create(T object);

    /** Replaces the stored object with the same id. */
    T update(T object);

    /** Removes the object; documents lose the reference. */
    void delete(long id);

    default T get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("No " + kind() + " with id " + id));
    }

    /** Finds by id when the text is a number, else by name. */
    default T resolve(String idOrName) {
        if (idOrName.matches("\\d+")) {
            Optional<T> byId = find(Long.parseLong(idOrName));
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        return findByName(idOrName).orElseThrow(
                () -> new NotFoundException("No " + kind() + " named or numbered '" + idOrName + "'"));
    }
}
