package org.paperless.commands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.paperless.api.Matching;
import org.paperless.api.MatchingAlgorithm;
import org.paperless.api.Tag;
import org.paperless.api.storage.ObjectRepository;

class MatchingOptionsTest {

    /** Options not given keep what the object has. */
    @Test
    void changeKeepsWhatIsNotGiven() {
        Options o = new Options();
        o.match = "invoice";
        Matching base = new Matching("old", MatchingAlgorithm.REGEX, false);
        assertEquals(new Matching("invoice", MatchingAlgorithm.REGEX, false), o.matching(base));
    }

    @Test
    void addStartsFromPaperlessDefaults() {
        Options o = new Options();
        assertEquals(Matching.DEFAULT, o.matching(Matching.DEFAULT));
        o.caseSensitive = true;
        o.algorithm = "4";
        assertEquals(new Matching("", MatchingAlgorithm.REGEX, false), o.matching(Matching.DEFAULT));
    }

    @Test
    void caseFlagsOverrideAndContradictionsAreRefused() {
        Options o = new Options();
        o.caseInsensitive = true;
        assertEquals(true, o.matching(new Matching("x", MatchingAlgorithm.ANY, false)).insensitive());
        o.caseSensitive = true;
        assertThrows(IllegalArgumentException.class, () -> o.matching(Matching.DEFAULT));
    }

    private static final class Options extends MatchingOptionsAction<Tag> {
        @Override
        protected ObjectRepository<Tag> repository() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object execute() {
            return null;
        }
    }
}
