package org.paperless.consumer.internal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.paperless.api.NotFoundException;
import org.paperless.api.Tag;
import org.paperless.api.consumer.ConsumeOverrides;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.TagRepository;

/** Resolves what the caller set (ids or names) before anything is written, and adds the inbox tags. */
final class Overrides {

    record Resolved(Long correspondentId, Long documentTypeId, Set<Long> tagIds) {
    }

    private final CorrespondentRepository correspondents;
    private final DocumentTypeRepository types;
    private final TagRepository tags;

    Overrides(CorrespondentRepository correspondents, DocumentTypeRepository types, TagRepository tags) {
        this.correspondents = correspondents;
        this.types = types;
        this.tags = tags;
    }

    Resolved resolve(ConsumeOverrides o) throws Refusal {
        try {
            Long correspondent = o.correspondent() == null ? null : correspondents.resolve(o.correspondent()).id();
            Long type = o.documentType() == null ? null : types.resolve(o.documentType()).id();
            Set<Long> tagIds = new LinkedHashSet<>();
            for (String t : o.tags()) {
                tagIds.add(tags.resolve(t).id());
            }
            tagIds.addAll(inboxTagsWithParents());
            return new Resolved(correspondent, type, tagIds);
        } catch (NotFoundException e) {
            throw new Refusal(e.getMessage() + "; create it first or leave the option out");
        }
    }

    /** Every new document gets the inbox tags, and a nested tag brings its parents along. */
    private Set<Long> inboxTagsWithParents() {
        Map<Long, Tag> byId = tags.list().stream().collect(Collectors.toMap(Tag::id, Function.identity()));
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
