package org.paperless.storage.internal.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import liquibase.resource.ClassLoaderResourceAccessor;

import org.junit.jupiter.api.Test;
import org.paperless.api.storage.Migration;
import org.paperless.storage.internal.testsupport.DatabaseTestBase;
import org.paperless.storage.internal.testsupport.Engine;

abstract class LiquibaseMigrationsCases extends DatabaseTestBase {

    private static final Set<String> CORE = Set.of("correspondent", "tag", "document_type", "storage_path", "document",
            "document_tag");
    private static final Set<String> NOTES_AND_FIELDS = Set.of("note", "custom_field", "custom_field_instance");
    private static final Set<String> MAIL = Set.of("mail_account", "mail_rule", "mail_rule_tag", "processed_mail",
            "processed_mail_document");

    LiquibaseMigrationsCases(Engine engine) {
        super(engine);
    }

    private LiquibaseMigrations migrations(String changelog) {
        return new LiquibaseMigrations(db.dataSource(),
                () -> new ClassLoaderResourceAccessor(getClass().getClassLoader()), changelog);
    }

    private LiquibaseMigrations migrations() {
        return migrations(LiquibaseMigrations.CHANGELOG);
    }

    @Test
    void knowsItsMigrationsFromTheChangelog() {
        List<Migration> all = migrations().all();
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), all.stream().map(Migration::number).toList());
        assertEquals("Core schema: correspondents, tags, document types, storage paths, documents (paperless 0.1.0)",
                all.get(0).description());
        assertTrue(all.get(1).description().contains("0.1.0"), all.get(1).description());
        assertTrue(all.stream().allMatch(Migration::reversible));
        assertEquals("Trash: when a document was deleted (paperless 0.1.0)", all.get(2).description());
        assertEquals("Task list: consumed files and scheduled runs (paperless 0.1.0)", all.get(3).description());
        assertEquals("Mail: accounts, rules and the record of fetched mails; archive checksums indexed (paperless 0.1.0)", all.get(4).description());
        assertEquals("Mail: failed attempts per fetched mail; unfinished mails found by folder (paperless 0.1.0)",
                all.get(5).description());
        assertEquals("Permissions: owners of tags, correspondents, types and storage paths; view and change grants to "
                + "users and groups; saved views; documents indexed by date (paperless 0.1.0)", all.get(6).description());
        assertEquals("Custom fields: the options of select fields and the default currency of monetary ones; documents "
                + "found by tag and by custom field (paperless 0.1.0)",
                all.get(7).description());
        assertEquals("Document lists on PostgreSQL read a narrow index instead of every row (paperless 0.1.0)",
                all.get(8).description());
        assertEquals(9, migrations().latest());
        // What paperless:rollback VERSION reads to know how far down the schema goes.
        assertTrue(all.stream().allMatch(m -> m.version().equals("0.1.0")), all.toString());
    }

    @Test
    void migratesUpDownAndUpAgainKeepingTheData() throws Exception {
        LiquibaseMigrations migrations = migrations();
        assertEquals(0, migrations.current());
        migrations.migrateTo(2);
        assertEquals(2, migrations.current());
        assertTrue(db.tables().containsAll(CORE) && db.tables().containsAll(NOTES_AND_FIELDS), db.tables()::toString);

        db.execute("INSERT INTO tag (name, color, is_inbox) VALUES ('Inbox', '#000000', true)",
                "INSERT INTO document (title, checksum, modified, added) VALUES ('Letter', 'abc', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                "INSERT INTO document_tag (document_id, tag_id) SELECT d.id, t.id FROM document d, tag t",
                "INSERT INTO note (document_id, note_text, created) SELECT id, 'a note', CURRENT_TIMESTAMP FROM document");

        migrations.migrateTo(1);
        assertEquals(1, migrations.current());
        assertTrue(db.tables().containsAll(CORE));
        assertTrue(db.tables().stream().noneMatch(NOTES_AND_FIELDS::contains), db.tables()::toString);
        assertEquals(1, db.queryLong("SELECT COUNT(*) FROM document_tag"));

        migrations.migrateTo(2);
        assertEquals(2, migrations.current());
        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM note"));
        assertEquals(1, db.queryLong("SELECT COUNT(*) FROM document"));
        assertEquals(1, db.queryLong("SELECT COUNT(*) FROM tag"));
    }

    @Test
    void downToZeroEmptiesTheSchema() throws Exception {
        LiquibaseMigrations migrations = migrations();
        migrations.migrateToLatest();
        migrations.migrateTo(0);
        assertEquals(0, migrations.current());
        assertEquals(Set.of("databasechangelog", "databasechangeloglock"), db.tables());
        migrations.migrateToLatest();
        assertEquals(9, migrations.current());
    }

    @Test
    void theTrashColumnComesAndGoesWithoutLosingDocuments() throws Exception {
        LiquibaseMigrations migrations = migrations();
        migrations.migrateTo(3);
        db.execute("INSERT INTO document (title, checksum, modified, added) VALUES ('Kept', 'a', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                "INSERT INTO document (title, checksum, modified, added, deleted_at) "
                        + "VALUES ('Trashed', 'b', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        assertEquals(1, db.queryLong("SELECT COUNT(*) FROM document WHERE deleted_at IS NOT NULL"));

        migrations.migrateTo(2);
        assertEquals(2, migrations.current());
        assertFalse(db.columns("document").contains("deleted_at"), db.columns("document")::toString);
        assertEquals(2, db.queryLong("SELECT COUNT(*) FROM document"), "undoing brings trashed documents back");

        migrations.migrateTo(3);
        assertTrue(db.columns("document").contains("deleted_at"));
        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM document WHERE deleted_at IS NOT NULL"));
    }

    @Test
    void theTaskTableComesAndGoesWithoutTouchingDocuments() throws Exception {
        LiquibaseMigrations migrations = migrations();
        migrations.migrateTo(4);
        assertTrue(db.tables().contains("task"), db.tables()::toString);
        assertEquals(Set.of("id", "kind", "name", "started_at", "finished_at", "ok", "document_id", "message"),
                db.columns("task"));
        db.execute("INSERT INTO document (title, checksum, modified, added) VALUES ('Kept', 'a', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                "INSERT INTO task (kind, name, started_at, finished_at, ok, document_id, message) "
                        + "VALUES ('CONSUME', 'kept.pdf', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, true, 1, 'done')");

        migrations.migrateTo(3);
        assertEquals(3, migrations.current());
        assertFalse(db.tables().contains("task"), db.tables()::toString);
        assertEquals(1, db.queryLong("SELECT COUNT(*) FROM document"));

        migrations.migrateTo(4);
        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM task"), "undoing it dropped the history");
    }

    @Test
    void theMailTablesComeAndGoWithoutTouchingDocumentsOrTags() throws Exception {
        LiquibaseMigrations migrations = migrations();
        migrations.migrateTo(5);
        assertTrue(db.tables().containsAll(MAIL), db.tables()::toString);
        assertEquals(Set.of("id", "account_id", "rule_id", "folder", "uid_validity", "uid", "message_id", "subject",
                "received", "status", "error", "updated_at"), db.columns("processed_mail"));
        db.execute("INSERT INTO tag (name, color, is_inbox) VALUES ('Mail', '#000000', false)",
                "INSERT INTO document (title, checksum, modified, added) VALUES ('Kept', 'a', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                "INSERT INTO mail_account (name, host, security, username, character_set) "
                        + "VALUES ('Home', 'imap.example.org', 'SSL', 'me', 'UTF-8')",
                "INSERT INTO mail_rule (account_id, name, rule_order, is_enabled, folder, maximum_age_days, attachment_type, "
                        + "consumption_scope, title_source, correspondent_source, mail_action, stop_processing) "
                        + "SELECT id, 'Bills', 0, true, 'INBOX', 30, 'ATTACHMENTS_ONLY', 'ATTACHMENTS', 'SUBJECT', "
                        + "'NOTHING', 'MARK_READ', false FROM mail_account",
                "INSERT INTO mail_rule_tag (rule_id, tag_id) SELECT r.id, t.id FROM mail_rule r, tag t",
                "INSERT INTO processed_mail (account_id, rule_id, folder, uid_validity, uid, subject, status, updated_at) "
                        + "SELECT account_id, id, 'INBOX', 1, 7, 'Bill', 'DONE', CURRENT_TIMESTAMP FROM mail_rule",
                "INSERT INTO processed_mail_document (processed_id, document_id) SELECT p.id, d.id FROM processed_mail p, document d");

        migrations.migrateTo(4);
        assertEquals(4, migrations.current());
        assertTrue(db.tables().stream().noneMatch(MAIL::contains), db.tables()::toString);
        assertEquals(1, db.queryLong("SELECT COUNT(*) FROM document"));
        assertEquals(1, db.queryLong("SELECT COUNT(*) FROM tag"));

        migrations.migrateTo(5);
        assertEquals(5, migrations.current());
        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM mail_account"), "undoing it dropped the accounts");
        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM processed_mail"));
    }

    @Test
    void theAttemptsColumnComesAndGoesKeepingTheRecordOfFetchedMails() throws Exception {
        LiquibaseMigrations migrations = migrations();
        migrations.migrateTo(5);
        db.execute("INSERT INTO mail_account (name, host, security, username, character_set) "
                        + "VALUES ('Home', 'imap.example.org', 'SSL', 'me', 'UTF-8')",
                "INSERT INTO processed_mail (account_id, rule_id, folder, uid_validity, uid, subject, status, updated_at) "
                        + "SELECT id, 1, 'INBOX', 1, 7, 'Bill', 'FAILED', CURRENT_TIMESTAMP FROM mail_account");

        migrations.migrateTo(6);
        assertTrue(db.columns("processed_mail").contains("attempts"), db.columns("processed_mail")::toString);
        assertEquals(0, db.queryLong("SELECT attempts FROM processed_mail"), "a record already there starts at 0");
        assertTrue(db.indexColumns("processed_mail").contains(List.of("account_id", "folder", "status")),
                db.indexColumns("processed_mail")::toString);

        migrations.migrateTo(5);
        assertFalse(db.columns("processed_mail").contains("attempts"));
        assertFalse(db.indexColumns("processed_mail").contains(List.of("account_id", "folder", "status")));
        assertEquals(1, db.queryLong("SELECT COUNT(*) FROM processed_mail"), "undoing it keeps the record");
        migrations.migrateTo(6);
        assertEquals(6, migrations.current());
    }

    @Test
    void theGrantsComeAndGoKeepingDocumentsAndTheirOwners() throws Exception {
        LiquibaseMigrations migrations = migrations();
        migrations.migrateTo(7);
        db.execute("INSERT INTO document (title, checksum, modified, added, owner) VALUES ('Mine', 'a', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'bob')",
                "INSERT INTO object_owner (object_type, object_id, owner) VALUES ('tag', 1, 'bob')",
                "INSERT INTO object_permission (object_type, object_id, permission, principal_type, principal) "
                        + "SELECT 'document', id, 'view', 'group', 'family' FROM document");

        assertTrue(db.indexColumns("document").contains(List.of("created")), db.indexColumns("document")::toString);
        migrations.migrateTo(6);
        assertFalse(db.tables().contains("object_permission") || db.tables().contains("object_owner")
                || db.tables().contains("saved_view"), db.tables()::toString);
        assertFalse(db.indexColumns("document").contains(List.of("created")));
        assertEquals("bob", db.queryText("SELECT owner FROM document"));
        migrations.migrateTo(7);
        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM object_permission"), "undoing it dropped the grants");
    }

    @Test
    void theCustomFieldOptionsAndLookupIndexesComeAndGoKeepingTheFields() throws Exception {
        LiquibaseMigrations migrations = migrations();
        migrations.migrateTo(8);
        assertTrue(db.indexColumns("document_tag").contains(List.of("tag_id", "document_id")),
                db.indexColumns("document_tag")::toString);
        db.execute("INSERT INTO custom_field (name, data_type, default_currency) VALUES ('Amount', 'monetary', 'EUR')");
        migrations.migrateTo(7);
        assertFalse(db.tables().contains("custom_field_option"), db.tables()::toString);
        assertFalse(db.indexColumns("document_tag").contains(List.of("tag_id", "document_id")));
        assertEquals("Amount", db.queryText("SELECT name FROM custom_field"), "the fields stay, without their currency");
        migrations.migrateTo(8);
        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM custom_field_option"));
    }

    /** Migration 9: PostgreSQL's lists read a narrow index; Derby needs none; undone, the index goes. */
    @Test
    void documentListsGetTheirIndexOnPostgresqlOnly() throws Exception {
        LiquibaseMigrations migrations = migrations();
        migrations.migrateTo(9);
        List<String> listing = List.of("created", "id", "deleted_at", "correspondent_id", "document_type_id",
                "storage_path_id", "owner");
        if (engine == Engine.POSTGRESQL) {
            assertEquals(String.join(", ", listing), db.queryText("SELECT string_agg(a.attname, ', ' ORDER BY k.n) "
                    + "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                    + "CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) "
                    + "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
                    + "WHERE c.relname = 'ix_document_listing'"));
        }
        migrations.migrateTo(8);
        assertEquals(8, migrations.current());
        if (engine == Engine.POSTGRESQL) {
            assertEquals(0, db.queryLong("SELECT COUNT(*) FROM pg_class WHERE relname = 'ix_document_listing'"));
        }
        migrations.migrateTo(9);
        assertEquals(9, migrations.current());
    }

    /** A start reads both numbers without Liquibase (it took a second of every restart); they must agree with it. */
    @Test
    void theNumbersAStartNeedsAreReadWithoutLiquibaseAndAgreeWithIt() {
        LiquibaseMigrations migrations = migrations();
        assertEquals(OptionalInt.empty(), SchemaTags.current(db.dataSource()), "no table yet: Liquibase is asked");
        assertEquals(0, migrations.current());
        List<Migration> all = migrations.all();
        assertEquals(all.get(all.size() - 1).number(), SchemaTags.newest(getClass().getClassLoader(),
                LiquibaseMigrations.CHANGELOG));
        assertEquals(10, SchemaTags.newest(getClass().getClassLoader(), "org/paperless/storage/test/irreversible.xml"),
                "a changelog that includes another by its full name");
        for (int target : new int[] {9, 3, 5, 0, 8, 9}) {
            migrations.migrateTo(target);
            assertEquals(OptionalInt.of(target), SchemaTags.current(db.dataSource()), "after migrating to " + target);
        }
    }

    @Test
    void aSecondUpdateChangesNothing() {
        // Derby trap: a no-op update leaves a transaction open; closing the connection must still work.
        migrations().migrateToLatest();
        migrations().migrateToLatest();
        assertEquals(9, migrations().current());
    }

    @Test
    void refusesUnknownNumbers() {
        LiquibaseMigrations migrations = migrations();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> migrations.migrateTo(10));
        assertEquals("Unknown migration 10; known: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> migrations.migrateTo(-1));
        assertEquals(0, migrations.current());
    }

    @Test
    void refusesToUndoAnIrreversibleMigrationBeforeChangingAnything() throws Exception {
        LiquibaseMigrations migrations = migrations("org/paperless/storage/test/irreversible.xml");
        assertEquals(List.of(true, true, true, true, true, true, true, true, true, false),
                migrations.all().stream().map(Migration::reversible).toList());
        migrations.migrateTo(10);
        assertTrue(db.tables().contains("one_way"));

        for (int target : new int[] {9, 0}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> migrations.migrateTo(target));
            assertEquals("Migration 10 cannot be undone; the schema stays at 10", e.getMessage());
        }
        assertEquals(10, migrations.current());
        assertTrue(db.tables().containsAll(NOTES_AND_FIELDS) && db.tables().contains("one_way"));
    }

    @Test
    void refusesASchemaNewerThanItKnows() {
        migrations("org/paperless/storage/test/irreversible.xml").migrateTo(10);
        LiquibaseMigrations older = migrations();
        assertEquals(10, older.current());
        IllegalStateException e = assertThrows(IllegalStateException.class, older::migrateToLatest);
        assertFalse(e.getMessage().isEmpty());
    }
}
