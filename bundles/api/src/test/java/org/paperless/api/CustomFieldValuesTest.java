package org.paperless.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.paperless.api.CustomField.SelectOption;

class CustomFieldValuesTest {

    private static final CustomField STATUS = new CustomField(1L, "Status", CustomFieldType.SELECT,
            List.of(new SelectOption("aB1", "Paid"), new SelectOption("cD2", "Open")), null);

    private static String canonical(CustomFieldType type, String value) {
        return CustomFieldValues.canonical(new CustomField(9L, "F", type), value);
    }

    @Test
    void aSelectValueIsItsOptionsLabelFoundByIdOrLabel() {
        assertEquals("Paid", CustomFieldValues.canonical(STATUS, "aB1"));
        assertEquals("Open", CustomFieldValues.canonical(STATUS, "open"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CustomFieldValues.canonical(STATUS, "Late"));
        assertEquals("Custom field 'Status' (select) takes one of [Paid, Open], got 'Late'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> canonical(CustomFieldType.SELECT, "Paid"), "a field without options");
    }

    @Test
    void paperlessNgxBoundsHold() {
        assertEquals("2147483647", canonical(CustomFieldType.INTEGER, "2147483647"));
        assertThrows(IllegalArgumentException.class, () -> canonical(CustomFieldType.INTEGER, "2147483648"));
        assertEquals("x".repeat(128), canonical(CustomFieldType.STRING, "x".repeat(128)));
        assertThrows(IllegalArgumentException.class, () -> canonical(CustomFieldType.STRING, "x".repeat(129)));
        assertThrows(IllegalArgumentException.class, () -> canonical(CustomFieldType.MONETARY, "EUR12345678901.00"));
        assertEquals("", canonical(CustomFieldType.URL, ""), "an empty URL, as paperless-ngx allows");
        assertNull(canonical(CustomFieldType.DATE, null), "a field without a value");
        assertEquals(List.of(3L, 5L), CustomFieldValues.documentIds(canonical(CustomFieldType.DOCUMENTLINK, "3; 5")));
    }
}
