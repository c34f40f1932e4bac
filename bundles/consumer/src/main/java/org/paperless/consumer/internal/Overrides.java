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
import org.paperless.api.matching.Matches;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.ObjectRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;
import org.paperless.consumer.internal.naming.FilenameFormat;

/**
 * Resolves what the caller set (ids or names) before anything is written, fills what it left open from the
 * matching rules (the first match for a single-valued field, every matching tag), and adds the inbox tags;
 * a tag brings its parents along.
 */
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

    Resolved resolve(ConsumeOverrides o, Matches matches) throws Refusal {
        try {
            Correspondent correspondent = o.correspondent() != null ? correspondents.resolve(o.correspondent())
                    : first(matches.correspondents(), correspondents);
            DocumentType type = o.documentType() != null ? types.resolve(o.documentType())
                    : first(matches.documentTypes(), types);
            StoragePath path = o.storagePath() != null ? paths.resolve(o.storagePath()) : first(matches.storagePaths(), paths);
            checkFormat(path);
            Map<Long, Tag> all = tags.list().stream().collect(Collectors.toMap(Tag::id, Function.identity()));
            Set<Long> tagIds = new LinkedHashSet<>();
            for (String t : o.tags()) {
                tagIds.addAll(withParents(tags.resolve(t).id(), all));
            }
            for (Long matched : matches.tags()) {
                tagIds.addAll(withParents(matched, all));
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

    /** The first matched object that still exists (it may have been removed since the match). */
    private static <T extends org.paperless.api.ClassifyingObject> T first(List<Long> ids, ObjectRepository<T> repository) {
        for (Long id : ids) {
            var found = repository.find(id);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return null;
    }

    private static Set<Long> withParents(long id, Map<Long, Tag> byId) {
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(id);
        for (Tag t = byId.get(id); t != null && t.parentId() != null && ids.add(t.parentId()); t = byId.get(t.parentId())) {
            // walking up to the root
        }
        return ids;
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
