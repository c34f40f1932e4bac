package org.paperless.commands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.paperless.api.maintenance.DuplicatePair;

class DuplicatesCommandTest {

    @Test
    void trashesTheNewerOfEachPairButNeverTheOlderOfAnother() {
        List<DuplicatePair> pairs = List.of(pair(1, 2), pair(1, 3), pair(2, 3), pair(4, 5), pair(5, 9), pair(7, 8));
        // 2 and 5 are newer twins but also the kept document of (2, 3) and (5, 9); 3 comes up twice.
        assertEquals(List.of(3L, 8L, 9L), DuplicatesCommand.newerToTrash(pairs));
        assertEquals(List.of(), DuplicatesCommand.newerToTrash(List.of()));
    }

    @Test
    void deletingNeedsYesBeforeAnythingIsSearched() {
        try (KarafShell shell = new KarafShell(OptionsAnywhereParser.class, DuplicatesCommand.class)) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> shell.execute("paperless:duplicates --delete"));
            assertTrue(refused.getMessage().contains("add --yes"), refused.getMessage());
            assertThrows(IllegalArgumentException.class, () -> shell.execute("paperless:duplicates --ratio 101"));
            IllegalStateException down = assertThrows(IllegalStateException.class,
                    () -> shell.execute("paperless:duplicates --ratio 90 --no-progress-bar"));
            assertTrue(down.getMessage().contains("org.paperless.index.lucene"), down.getMessage());
        }
    }

    private static DuplicatePair pair(long first, long second) {
        return new DuplicatePair(first, "Letter " + first, second, "Letter " + second, 90.0);
    }
}
