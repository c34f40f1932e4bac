package org.paperless.commands.internal;

import java.util.Set;
import java.util.function.Predicate;

import org.paperless.api.CustomFieldInstance;
import org.paperless.api.Document;

/**
 * Which documents a listing shows: each criterion given must hold; a document must carry every tag given.
 * Null (or an empty set) means any.
 */
record DocumentFilter(Long correspondentId, Long documentTypeId, Long storagePathId, Set<Long> tagIds,
        Long customFieldId) implements Predicate<Document> {

    static final DocumentFilter ANY = new DocumentFilter(null, null, null, Set.of(), null);

    DocumentFilter {
        tagIds = tagIds == null ? Set.of() : Set.copyOf(tagIds);
    }

    boolean any() {
        return equals(ANY);
    }

    @Override
    public boolean test(Document d) {
        return (correspondentId == null || correspondentId.equals(d.correspondentId()))
                && (documentTypeId == null || documentTypeId.equals(d.documentTypeId()))
                && (storagePathId == null || storagePathId.equals(d.storagePathId()))
                && d.tagIds().containsAll(tagIds)
                && (customFieldId == null || d.customFields().stream().map(CustomFieldInstance::fieldId)
                        .anyMatch(customFieldId::equals));
    }
}
