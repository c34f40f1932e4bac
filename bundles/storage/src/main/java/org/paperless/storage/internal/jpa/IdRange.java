package org.paperless.storage.internal.jpa;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Ids read with {@code BETWEEN first AND last} instead of {@code IN (...)}: Derby evaluated a long IN list
 * against every row of document_tag (a quarter of the retagger's writing time). A range reads the index;
 * ids far apart get ranges of their own, so no range reads many rows that were not asked for.
 */
record IdRange(long first, long last, Set<Long> ids) {

    /** The widest gap a range may span per id it holds. */
    static final int SPREAD = 4;

    static List<IdRange> of(List<Long> ids) {
        List<Long> sorted = ids.stream().filter(Objects::nonNull).distinct().sorted().toList();
        List<IdRange> ranges = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            boolean tooWide = i < sorted.size() && sorted.get(i) - sorted.get(start) >= (long) SPREAD * (i - start + 1);
            if (i == sorted.size() || tooWide) {
                ranges.add(new IdRange(sorted.get(start), sorted.get(i - 1), new HashSet<>(sorted.subList(start, i))));
                start = i;
            }
        }
        return ranges;
    }

    void bind(PreparedStatement s) throws SQLException {
        s.setLong(1, first);
        s.setLong(2, last);
    }
}
