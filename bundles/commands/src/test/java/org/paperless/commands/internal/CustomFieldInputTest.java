package org.paperless.commands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.paperless.api.CustomField;
import org.paperless.api.CustomFieldType;
import org.paperless.api.NotFoundException;

class CustomFieldInputTest {

    private static final List<CustomField> FIELDS = List.of(new CustomField(1L, "Amount", CustomFieldType.MONETARY),
            new CustomField(2L, "Paid", CustomFieldType.BOOLEAN), new CustomField(3L, "Due", CustomFieldType.DATE),
            new CustomField(4L, "Count", CustomFieldType.INTEGER), new CustomField(5L, "Related", CustomFieldType.DOCUMENTLINK),
            new CustomField(6L, "Remark", CustomFieldType.STRING));

    private static String value(String assignment) {
        return CustomFieldInput.parse(assignment, FIELDS).value();
    }

    @Test
    void valuesAreCheckedAndWrittenInTheirCanonicalForm() {
        assertEquals("EUR12.50", value("amount=eur12.5"));
        assertEquals("7.00", value("Amount=7"));
        assertEquals("true", value("Paid=yes"));
        assertEquals("2024-02-29", value("Due=2024-02-29"));
        assertEquals("42", value("4=42"), "by id too");
        assertEquals("3,5,8", value("Related=3, 5 8"));
        assertEquals("a=b", value("Remark=a=b"), "only the first = separates");
    }

    @Test
    void mistakesAreNamed() {
        IllegalArgumentException date = assertThrows(IllegalArgumentException.class, () -> value("Due=29.02.2024"));
        assertEquals("Custom field 'Due' (date) takes a date as YYYY-MM-DD, got '29.02.2024'", date.getMessage());
        assertThrows(IllegalArgumentException.class, () -> value("Count=1.5"));
        assertThrows(IllegalArgumentException.class, () -> value("Paid=maybe"));
        assertThrows(IllegalArgumentException.class, () -> value("Amount"));
        NotFoundException unknown = assertThrows(NotFoundException.class, () -> value("Colour=red"));
        assertEquals(true, unknown.getMessage().startsWith("No custom field named or numbered 'Colour'"));
    }

    @Test
    void documentIdsMustBeNumbers() {
        assertEquals(List.of(3L, 4L), DocumentIds.parse(List.of("3", " 4", "3")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DocumentIds.parse(List.of("3x")));
        assertEquals("'3x' is not a document id", e.getMessage());
    }
}
