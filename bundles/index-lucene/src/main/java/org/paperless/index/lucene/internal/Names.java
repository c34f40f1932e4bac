package org.paperless.index.lucene.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.paperless.api.Correspondent;
import org.paperless.api.DocumentType;
import org.paperless.api.StoragePath;
import org.paperless.api.Tag;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;

/** The names behind a document's ids, read once per batch of work (there are few of them). */
final class Names {

    private final Map<Long, String> correspondents;
    private final Map<Long, String> types;
    private final Map<Long, String> paths;
    private final Map<Long, String> tags;

    Names(Map<Long, String> correspondents, Map<Long, String> types, Map<Long, String> paths, Map<Long, String> tags) {
        this.correspondents = correspondents;
        this.types = types;
        this.paths = paths;
        this.tags = tags;
    }

    static Names load(CorrespondentRepository correspondents, DocumentTypeRepository types, StoragePathRepository paths,
            TagRepository tags) {
        return new Names(byId(correspondents.list(), Correspondent::id, Correspondent::name),
                byId(types.list(), DocumentType::id, DocumentType::name),
                byId(paths.list(), StoragePath::id, StoragePath::name),
                byId(tags.list(), Tag::id, Tag::name));
    }

    private static <T> Map<Long, String> byId(Iterable<T> objects, Function<T, Long> id, Function<T, String> name) {
        Map<Long, String> names = new HashMap<>();
        for (T object : objects) {
            names.put(id.apply(object), name.apply(object));
        }
        return names;
    }

    /** Whether every object the document names is known here (a new tag may be younger than these names). */
    boolean cover(org.paperless.api.Document d) {
        return (d.correspondentId() == null || correspondents.containsKey(d.correspondentId()))
                && (d.documentTypeId() == null || types.containsKey(d.documentTypeId()))
                && (d.storagePathId() == null || paths.containsKey(d.storagePathId()))
                && tags.keySet().containsAll(d.tagIds());
    }

    String correspondent(Long id) {
        return id == null ? null : correspondents.get(id);
    }

    String type(Long id) {
        return id == null ? null : types.get(id);
    }

    String path(Long id) {
        return id == null ? null : paths.get(id);
    }

    String tag(Long id) {
        return tags.get(id);
    }
}
