package org.paperless.api.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.paperless.api.CustomFieldType;
import org.paperless.api.storage.FieldCondition.Atom;
import org.paperless.api.storage.FieldCondition.DatePart;
import org.paperless.api.storage.FieldCondition.Op;

class FieldConditionTest {

    private static Atom atom(CustomFieldType type, Op op, String... values) {
        return new Atom(1, type, null, op, List.of(values));
    }

    @Test
    void existsAndIsNullTellDocumentsWithoutTheFieldFromThoseWithoutAValue() {
        assertTrue(atom(CustomFieldType.STRING, Op.EXISTS, "true").matches(true, null));
        assertFalse(atom(CustomFieldType.STRING, Op.EXISTS, "true").matches(false, null));
        assertTrue(atom(CustomFieldType.STRING, Op.EXISTS, "false").matches(false, null));
        assertTrue(atom(CustomFieldType.STRING, Op.ISNULL, "true").matches(true, null));
        assertFalse(atom(CustomFieldType.STRING, Op.ISNULL, "true").matches(false, null), "no field is not a null value");
        assertTrue(atom(CustomFieldType.STRING, Op.ISNULL, "false").matches(true, "x"));
        assertFalse(atom(CustomFieldType.STRING, Op.EXACT, "x").matches(false, null));
    }

    @Test
    void textIsExactWithCaseAndContainsWithout() {
        assertTrue(atom(CustomFieldType.STRING, Op.EXACT, "Invoice").matches(true, "Invoice"));
        assertFalse(atom(CustomFieldType.STRING, Op.EXACT, "invoice").matches(true, "Invoice"));
        assertTrue(atom(CustomFieldType.STRING, Op.ICONTAINS, "VOIC").matches(true, "Invoice"));
        assertTrue(atom(CustomFieldType.URL, Op.ISTARTSWITH, "HTTPS://").matches(true, "https://example.org"));
        assertTrue(atom(CustomFieldType.STRING, Op.IENDSWITH, "ICE").matches(true, "Invoice"));
        assertTrue(atom(CustomFieldType.SELECT, Op.IN, "red", "blue").matches(true, "blue"));
    }

    @Test
    void numbersAndDatesCompareByValue() {
        assertTrue(atom(CustomFieldType.FLOAT, Op.EXACT, "1.5").matches(true, "1.50"));
        assertTrue(atom(CustomFieldType.INTEGER, Op.GT, "9").matches(true, "10"), "not as text: 10 > 9");
        assertTrue(atom(CustomFieldType.INTEGER, Op.RANGE, "10", "20").matches(true, "20"), "both ends included");
        assertFalse(atom(CustomFieldType.INTEGER, Op.RANGE, "10", "20").matches(true, "21"));
        assertTrue(atom(CustomFieldType.DATE, Op.LT, "2024-03-01").matches(true, "2024-02-29"));
        assertTrue(atom(CustomFieldType.MONETARY, Op.GTE, "12.5").matches(true, "EUR12.50"), "the amount, not the currency");
        assertFalse(atom(CustomFieldType.MONETARY, Op.EXACT, "12.50").matches(true, "EUR12.50"), "exact is the text");
        assertTrue(atom(CustomFieldType.MONETARY, Op.ICONTAINS, "eur").matches(true, "EUR12.50"));
        assertFalse(atom(CustomFieldType.INTEGER, Op.GT, "1").matches(true, "not a number"), "unreadable matches nothing");
    }

    @Test
    void datePartsAsDjangoCountsThem() {
        // 2024-12-30 is a Monday in ISO week 1 of 2025.
        String monday = "2024-12-30";
        assertTrue(new Atom(1, CustomFieldType.DATE, DatePart.YEAR, Op.EXACT, List.of("2024")).matches(true, monday));
        assertTrue(new Atom(1, CustomFieldType.DATE, DatePart.ISO_YEAR, Op.EXACT, List.of("2025")).matches(true, monday));
        assertTrue(new Atom(1, CustomFieldType.DATE, DatePart.WEEK, Op.EXACT, List.of("1")).matches(true, monday));
        assertTrue(new Atom(1, CustomFieldType.DATE, DatePart.WEEK_DAY, Op.EXACT, List.of("2")).matches(true, monday),
                "Sunday is 1");
        assertTrue(new Atom(1, CustomFieldType.DATE, DatePart.ISO_WEEK_DAY, Op.EXACT, List.of("1")).matches(true, monday));
        assertTrue(new Atom(1, CustomFieldType.DATE, DatePart.QUARTER, Op.GTE, List.of("4")).matches(true, monday));
        assertTrue(new Atom(1, CustomFieldType.DATE, DatePart.MONTH, Op.IN, List.of("1", "12")).matches(true, monday));
    }

    @Test
    void documentLinksContainEveryIdAsked() {
        assertTrue(atom(CustomFieldType.DOCUMENTLINK, Op.CONTAINS, "3", "7").matches(true, "7,1,3"));
        assertFalse(atom(CustomFieldType.DOCUMENTLINK, Op.CONTAINS, "3", "8").matches(true, "7,1,3"));
        assertTrue(atom(CustomFieldType.DOCUMENTLINK, Op.CONTAINS).matches(true, "7"), "none asked: any links");
        assertTrue(atom(CustomFieldType.DOCUMENTLINK, Op.EXACT, "1,2").matches(true, "1,2"));
    }
}
