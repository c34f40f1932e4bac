package org.paperless.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void plainNamesAreQuotedAndEncoded() {
        assertEquals("attachment; filename=\"letter 1.pdf\"; filename*=utf-8''letter%201.pdf",
                ContentDisposition.of(false, "letter 1.pdf"));
    }

    @Test
    void quotesLineBreaksAndNonAsciiCannotBreakOutOfTheHeader() {
        String header = ContentDisposition.of(true, "a\"; filename=evil.exe\r\nSet-Cookie: x=y Überweisung.pdf");
        assertFalse(header.contains("\r") || header.contains("\n"), header);
        assertEquals(2, header.chars().filter(c -> c == '"').count(), header);
        assertFalse(header.contains("Ü"), header);
    }
}
