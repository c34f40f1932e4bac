package org.paperless.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ObjectKindTest {

    @Test
    void slugsAsDjangoMakesThem() {
        assertEquals("stadtwerke-munchen", ObjectKind.slug("Stadtwerke  München"));
        assertEquals("tax-2024", ObjectKind.slug("Tax 2024!"));
    }

    @Test
    void textColourContrastsWithTheTag() {
        assertEquals("#000000", ObjectKind.textColor("#a6cee3"));
        assertEquals("#ffffff", ObjectKind.textColor("#1f3a5f"));
    }
}
