package org.paperless.storage.internal.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperless.api.storage.DocumentQuery;
import org.paperless.api.storage.FieldCondition;
import org.paperless.api.ConflictException;
import org.paperless.api.CustomField;
import org.paperless.api.CustomField.SelectOption;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.CustomFieldType;
import org.paperless.api.Document;
import org.paperless.storage.internal.testsupport.Engine;

/** Custom fields with select options and currencies, and documents' values changed in bulk, on a real database. */
abstract class CustomFieldCases extends org.paperless.storage.internal.testsupport.DatabaseTestBase {

    private StoredDocuments stored;
    private CustomFieldRepositoryComponent fields;

    CustomFieldCases(Engine engine) {
        super(engine);
    }

    @BeforeEach
    void setUp() throws Exception {
        stored = new StoredDocuments(db.dataSource(), tempDir);
        fields = new CustomFieldRepositoryComponent(stored.factory(), db.dataSource(), stored.migrations());
    }

    @AfterEach
    void tearDown() {
        // Null when the database was not there (PostgreSQL unset): the test is skipped, not failed.
        if (stored != null) {
            stored.close();
        }
    }

    private Map<Long, String> values(long document) {
        Map<Long, String> values = new LinkedHashMap<>();
        for (CustomFieldInstance v : stored.repository.get(document).customFields()) {
            values.put(v.fieldId(), v.value());
        }
        return values;
    }

    @Test
    void selectOptionsKeepTheirIdsAndDocumentsFollowRenamedAndRemovedOptions() {
        CustomField colour = fields.create(new CustomField(null, "Colour", CustomFieldType.SELECT,
                List.of(new SelectOption(null, "Red"), new SelectOption("b1", "Blue")), "EUR"));
        assertEquals(2, colour.selectOptions().size());
        assertEquals(16, colour.selectOptions().get(0).id().length(), "an id made as paperless-ngx makes them");
        assertEquals("b1", colour.selectOptions().get(1).id());
        assertNull(colour.defaultCurrency(), "a currency only for monetary fields");
        assertEquals(colour, fields.find(colour.id()).orElseThrow());

        Document a = stored.repository.create(StoredDocuments.consumed(1));
        Document b = stored.repository.create(StoredDocuments.consumed(2));
        assertEquals(2, stored.repository.modifyCustomFields(List.of(a.id(), b.id()), Map.of(colour.id(), "Blue"), Set.of(), Set.of()));
        String red = colour.selectOptions().get(0).id();
        fields.update(new CustomField(colour.id(), "Colour", CustomFieldType.SELECT,
                List.of(new SelectOption(red, "Red"), new SelectOption("b1", "Navy")), null));
        assertEquals("Navy", values(a.id()).get(colour.id()), "the renamed option's documents show its new label");
        fields.update(new CustomField(colour.id(), "Colour", CustomFieldType.SELECT, List.of(new SelectOption(red, "Red")), null));
        assertTrue(values(b.id()).containsKey(colour.id()));
        assertNull(values(b.id()).get(colour.id()), "a removed option's documents keep the field without a value");

        assertThrows(ConflictException.class, () -> fields.create(new CustomField(null, "Size", CustomFieldType.SELECT,
                List.of(new SelectOption(null, "S"), new SelectOption(null, "s")), null)));
        assertThrows(ConflictException.class, () -> fields.create(new CustomField(null, "colour", CustomFieldType.STRING)));
    }

    @Test
    void customFieldQueriesCheckTypedValuesAndCombine() {
        CustomField amount = fields.create(new CustomField(null, "Amount", CustomFieldType.MONETARY, List.of(), "EUR"));
        CustomField due = fields.create(new CustomField(null, "Due", CustomFieldType.DATE));
        Document a = stored.repository.create(StoredDocuments.consumed(1));
        Document b = stored.repository.create(StoredDocuments.consumed(2));
        Document c = stored.repository.create(StoredDocuments.consumed(3));
        stored.repository.modifyCustomFields(List.of(a.id()), Map.of(amount.id(), "EUR9.50", due.id(), "2024-03-01"), Set.of(), Set.of());
        stored.repository.modifyCustomFields(List.of(b.id()), Map.of(amount.id(), "EUR120.00"), Set.of(), Set.of());
        stored.repository.modifyCustomFields(List.of(c.id()), Map.of(), Set.of(due.id()), Set.of());

        FieldCondition moreThanTen = new FieldCondition.Atom(amount.id(), CustomFieldType.MONETARY, null,
                FieldCondition.Op.GT, List.of("10"));
        FieldCondition hasDue = new FieldCondition.Atom(due.id(), CustomFieldType.DATE, null,
                FieldCondition.Op.EXISTS, List.of("true"));
        assertEquals(List.of(b.id()), matching(moreThanTen), "120.00 > 10 as amounts (as text it is not)");
        assertEquals(List.of(a.id(), c.id()), matching(hasDue));
        assertEquals(List.of(a.id(), b.id(), c.id()), matching(new FieldCondition.Any(List.of(moreThanTen, hasDue))));
        assertEquals(List.of(a.id(), c.id()), matching(new FieldCondition.Not(moreThanTen)), "without the field too");
        assertEquals(List.of(c.id()), matching(new FieldCondition.All(List.of(hasDue, new FieldCondition.Atom(due.id(),
                CustomFieldType.DATE, null, FieldCondition.Op.ISNULL, List.of("true"))))));
        assertEquals(List.of(a.id()), matching(new FieldCondition.Atom(due.id(), CustomFieldType.DATE,
                FieldCondition.DatePart.MONTH, FieldCondition.Op.EXACT, List.of("3"))));
    }

    private List<Long> matching(FieldCondition condition) {
        return stored.repository.query(new DocumentQuery(List.of(new DocumentQuery.CustomFieldQuery(condition)),
                List.of(), 0, 100, false)).documents().stream().map(Document::id).toList();
    }

    @Test
    void bulkChangesAddSetKeepAndRemove() {
        CustomField amount = fields.create(new CustomField(null, "Amount", CustomFieldType.MONETARY, List.of(), "eur"));
        assertEquals("EUR", amount.defaultCurrency());
        CustomField note = fields.create(new CustomField(null, "Note", CustomFieldType.STRING));
        Document a = stored.repository.create(StoredDocuments.consumed(1));
        Document b = stored.repository.create(StoredDocuments.consumed(2));
        stored.repository.setCustomField(a.id(), note.id(), "kept");

        assertEquals(2, stored.repository.modifyCustomFields(List.of(a.id(), b.id(), 999_999L),
                Map.of(amount.id(), "12.50"), Set.of(note.id()), Set.of()));
        assertEquals(Map.of(note.id(), "kept", amount.id(), "12.50"), values(a.id()), "an attached field keeps its value");
        Map<Long, String> bValues = values(b.id());
        assertEquals("12.50", bValues.get(amount.id()));
        assertTrue(bValues.containsKey(note.id()) && bValues.get(note.id()) == null);

        assertEquals(0, stored.repository.modifyCustomFields(List.of(a.id()), Map.of(amount.id(), "12.50"), Set.of(),
                Set.of()), "nothing changed");
        assertEquals(Map.of(amount.id(), 2L, note.id(), 2L), fields.documentCounts());
        stored.repository.modifyCustomFields(List.of(a.id(), b.id()), Map.of(), Set.of(), Set.of(note.id()));
        assertEquals(Map.of(amount.id(), "12.50"), values(b.id()));

        stored.repository.moveToTrash(List.of(b.id()));
        assertEquals(Map.of(amount.id(), 1L), fields.documentCounts(), "documents in the trash are not counted");
        assertThrows(ConflictException.class, () -> fields.update(new CustomField(amount.id(), "Amount",
                CustomFieldType.STRING)), "no type change while documents have values");
        assertTrue(fields.delete(amount.id()));
        assertFalse(fields.delete(amount.id()));
        assertEquals(Map.of(), values(a.id()), "its values go with it");
    }

    @Test
    void selectFieldsFromBeforeMigration8GetTheirLabelsAsOptions() {
        CustomField kind = fields.create(new CustomField(null, "Kind", CustomFieldType.SELECT, List.of(new SelectOption("x", "Bill")), null));
        Document a = stored.repository.create(StoredDocuments.consumed(1));
        Document b = stored.repository.create(StoredDocuments.consumed(2));
        stored.repository.setCustomField(a.id(), kind.id(), "Bill");
        stored.repository.setCustomField(b.id(), kind.id(), "Receipt");
        stored.migrations().migrateTo(7);
        stored.migrations().migrateTo(8);
        CustomField after = fields.find(kind.id()).orElseThrow();
        assertEquals(Set.of(new SelectOption("Bill", "Bill"), new SelectOption("Receipt", "Receipt")),
                Set.copyOf(after.selectOptions()), "each label documents carry is an option again");
    }
}
