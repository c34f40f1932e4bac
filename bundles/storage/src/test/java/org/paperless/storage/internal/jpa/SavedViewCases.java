package org.paperless.storage.internal.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperless.api.NotFoundException;
import org.paperless.api.SavedView;
import org.paperless.api.SavedView.FilterRule;
import org.paperless.api.security.Grants;
import org.paperless.api.security.ObjectType;
import org.paperless.storage.internal.testsupport.Engine;

/** Saved views with their rules in order, on a real database. */
abstract class SavedViewCases extends org.paperless.storage.internal.testsupport.DatabaseTestBase {

    private StoredDocuments stored;
    private PermissionRepositoryComponent permissions;
    private SavedViewRepositoryComponent views;

    SavedViewCases(Engine engine) {
        super(engine);
    }

    @BeforeEach
    void setUp() throws Exception {
        stored = new StoredDocuments(db.dataSource(), tempDir);
        permissions = new PermissionRepositoryComponent(db.dataSource(), stored.migrations());
        views = new SavedViewRepositoryComponent(db.dataSource(), stored.migrations(), permissions);
    }

    @AfterEach
    void tearDown() {
        // Null when the database was not there (PostgreSQL unset): the test is skipped, not failed.
        if (stored != null) {
            stored.close();
        }
    }

    @Test
    void viewsKeepTheirRulesInOrderAndGoWithTheirGrants() {
        SavedView inbox = views.create(new SavedView(null, "Inbox", "created", true, 50, "smallCards",
                List.of("title", "tag", "custom_field_3"), List.of(new FilterRule(6, "1"), new FilterRule(17, null),
                        new FilterRule(6, "2")), true, false));
        SavedView bills = views.create(new SavedView(null, "Bills", null, false, null, null, null, List.of(), false, true));
        assertEquals(List.of(bills, inbox), views.list(), "by name");
        assertEquals(inbox, views.find(inbox.id()).orElseThrow());

        SavedView changed = new SavedView(inbox.id(), "Inbox, newest", null, false, 25, "table", null,
                List.of(new FilterRule(20, "invoice")), false, false);
        assertEquals(changed, views.update(changed));
        assertEquals(changed, views.find(inbox.id()).orElseThrow(), "the rules replaced");
        assertThrows(NotFoundException.class, () -> views.update(changed.withId(999_999L)));

        permissions.setOwner(ObjectType.SAVED_VIEW, inbox.id(), "bob");
        permissions.setGrants(ObjectType.SAVED_VIEW, List.of(inbox.id()), new Grants(Set.of("alice"), Set.of(), Set.of(), Set.of()));
        assertTrue(views.delete(inbox.id()));
        assertFalse(views.delete(inbox.id()));
        assertEquals(List.of(bills), views.list());
        assertTrue(permissions.accessAll(ObjectType.SAVED_VIEW).isEmpty());
    }
}
