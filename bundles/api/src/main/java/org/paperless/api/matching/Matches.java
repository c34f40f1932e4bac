package org.paperless.api.matching;

import java.util.List;

/**
 * The ids of the objects whose rules matched, in their listing order: for a single-valued field the
 * first one is what consumption assigns.
 */
public record Matches(List<Long> correspondents, List<Long> documentTypes, List<Long> tags, List<Long> storagePaths) {

    public static final Matches NONE = new Matches(List.of(), List.of(), List.of(), List.of());

    public Matches {
        correspondents = List.copyOf(correspondents);
        documentTypes = List.copyOf(documentTypes);
        tags = List.copyOf(tags);
        storagePaths = List.copyOf(storagePaths);
    }
}
