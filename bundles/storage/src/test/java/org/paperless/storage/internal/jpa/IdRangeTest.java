package org.paperless.storage.internal.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class IdRangeTest {

    @Test
    void consecutiveIdsAreOneRange() {
        List<IdRange> ranges = IdRange.of(LongStream.rangeClosed(1, 500).boxed().toList());
        assertEquals(1, ranges.size());
        assertEquals(1, ranges.get(0).first());
        assertEquals(500, ranges.get(0).last());
        assertEquals(500, ranges.get(0).ids().size());
    }

    @Test
    void idsFarApartGetRangesOfTheirOwn() {
        List<IdRange> ranges = IdRange.of(Arrays.asList(7L, 100_000L, 3L, null, 7L, 50_000L));
        assertEquals(List.of(3L, 50_000L, 100_000L), ranges.stream().map(IdRange::first).toList());
        assertEquals(List.of(7L, 50_000L, 100_000L), ranges.stream().map(IdRange::last).toList());
    }

    @Test
    void noRangeSpansMoreThanItsShareOfIds() {
        List<Long> ids = new ArrayList<>();
        LongStream.rangeClosed(1, 300).forEach(ids::add);
        LongStream.iterate(1000, i -> i + 37).limit(50).forEach(ids::add);
        ids.add(5_000_000L);
        int covered = 0;
        for (IdRange r : IdRange.of(ids)) {
            assertTrue(r.last() - r.first() + 1 <= (long) IdRange.SPREAD * r.ids().size(), r.toString());
            assertTrue(r.ids().stream().allMatch(id -> id >= r.first() && id <= r.last()), r.toString());
            covered += r.ids().size();
        }
        assertEquals(ids.size(), covered);
        assertEquals(List.of(), IdRange.of(List.of()));
    }
}
