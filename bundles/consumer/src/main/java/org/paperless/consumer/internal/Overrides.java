package org.paperless.consumer.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.paperless.api.Correspondent;
import org.paperless.api.DocumentType;
import org.paperless.api.NotFoundException;
import org.paperless.api.StoragePath;
import org.paperless.api.Tag;
import org.paperless.api.consumer.ConsumeOverrides;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;
import org.paperless.consumer.internal.naming.FilenameFormat;

/** Resolves what the caller set (ids or names) before anything is written, and adds the inbox tags. */
final class Overrides {

    /** Ids for the row, names for the file name. */
    record Resolved(Long correspondentId, String correspondent, Long documentTypeId, String documentType,
            Set<Long> tagIds, List<String> tagNames, StoragePath storagePath) {
    }

    private final CorrespondentRepository correspondents;
    private final DocumentTypeRepository types;
    private final TagRepository tags;
    private final StoragePathRepository paths;

    Overrides(CorrespondentRepository correspondents, DocumentTypeRepository types, TagRepository tags,
            StoragePathRepository paths) {
        this.paths = paths;
        this.correspondents = correspondents;
        this.types = types;
        this.tags = tags;
    }

    Resolved resolve(ConsumeOverrides o) throws Refusal {
        try {
            Correspondent correspondent = o.correspondent() == null ? null : correspondents.resolve(o.correspondent());
            DocumentType type = o.documentType() == null ? null : types.resolve(o.documentType());
            StoragePath path = o.storagePath() == null ? null : paths.resolve(o.storagePath());
            checkFormat(path);
            Map<Long, Tag> all = tags.list().stream().collect(Collectors.toMap(Tag::id, Function.identity()));
            Set<Long> tagIds = new LinkedHashSet<>();
            for (String t : o.tags()) {
                tagIds.add(tags.resolve(t).id());
            }
            tagIds.addAll(inboxTagsWithParents(all));
            List<String> tagNames = tagIds.stream().map(all::get).filter(Objects::nonNull).map(Tag::name).toList();
            return new Resolved(correspondent == null ? null : correspondent.id(),
                    correspondent == null ? null : correspondent.name(), type == null ? null : type.id(),
                    type == null ? null : type.name(), tagIds, tagNames, path);
        } catch (NotFoundException e) {
            throw new Refusal(e.getMessage() + "; create it first or leave the option out");
        }
    }

    /** A storage path with a broken format refuses the file before anything is written. */
    private static void checkFormat(StoragePath path) throws Refusal {
        if (path == null) {
            return;
        }
        try {
            new FilenameFormat(path.path(), false);
        } catch (IllegalArgumentException e) {
            throw new Refusal("The storage path '" + path.name() + "' has an unusable format: " + e.getMessage());
        }
    }

    /** Every new document gets the inbox tags, and a nested tag brings its parents along. */
    private static Set<Long> inboxTagsWithParents(Map<Long, Tag> byId) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Tag tag : byId.values()) {
            if (!tag.inbox()) {
                continue;
            }
            // The storage refuses cycles; the set stops the walk anyway.
            for (Tag t = tag; t != null && ids.add(t.id()); t = t.parentId() == null ? null : byId.get(t.parentId())) {
                // walking up to the root
            }
        }
        return ids;
    }
}
