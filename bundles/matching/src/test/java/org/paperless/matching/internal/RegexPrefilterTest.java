package org.paperless.matching.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegexPrefilterTest {

    @Test
    void readsOnlyTheLiteralARegexSurelyNeeds() {
        assertEquals("Rech", RegexPrefilter.requiredLiteral("\\bRech\\w*\\s+\\d+"));
        assertEquals("Rechnun", RegexPrefilter.requiredLiteral("Rechnung?"), "an optional last letter is not required");
        assertEquals("Invoice", RegexPrefilter.requiredLiteral("Invoice \\d+"));
        assertNull(RegexPrefilter.requiredLiteral("Rechnung|Invoice"), "alternatives require neither");
        assertNull(RegexPrefilter.requiredLiteral("(?i)rechnung"));
        assertNull(RegexPrefilter.requiredLiteral("\\d{4}-\\d+"));
        assertNull(RegexPrefilter.requiredLiteral("ab\\w+"), "too short to be worth it");
    }

    @Test
    void aDocumentWithoutTheLiteralIsNotScanned() {
        DocumentText text = new DocumentText("Ihre RECHNUNG vom 3. Mai");
        assertTrue(RegexPrefilter.mayMatch("Rech", text, true));
        assertFalse(RegexPrefilter.mayMatch("Rech", text, false));
        assertFalse(RegexPrefilter.mayMatch("Invoice", text, true));
        assertTrue(RegexPrefilter.mayMatch(null, text, false));
    }
}
