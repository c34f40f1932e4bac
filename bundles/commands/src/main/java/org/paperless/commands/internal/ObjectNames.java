package org.paperless.commands.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.paperless.api.ClassifyingObject;
import org.paperless.api.storage.ObjectRepository;

/** Names of objects by id, looked up once per command rather than once per row. */
final class ObjectNames {

    private final Map<Long, String> names;

    private ObjectNames(Map<Long, String> names) {
        this.names = names;
    }

    static ObjectNames of(ObjectRepository<? extends ClassifyingObject> repository) {
        return new ObjectNames(Capabilities.storage(repository).list().stream()
                .collect(Collectors.toMap(ClassifyingObject::id, ClassifyingObject::name)));
    }

    String name(Long id) {
        return id == null ? "" : Objects.requireNonNullElse(names.get(id), "#" + id);
    }

    String names(Collection<Long> ids) {
        return ids.stream().map(this::name).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(", "));
    }
}
