package org.paperless.api.index;

import java.util.List;

/** One page of results; {@code total} counts every match. */
public record SearchResults(long total, List<SearchHit> hits) {

    public SearchResults {
        hits = List.copyOf(hits);
    }
}
