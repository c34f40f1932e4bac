package org.paperless.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.Correspondent;
import org.paperless.api.Document;
import org.paperless.api.Matching;
import org.paperless.api.SavedView;
import org.paperless.api.Tag;
import org.paperless.api.backup.ExportOptions;
import org.paperless.api.backup.ImportOptions;
import org.paperless.api.backup.ImportReport;
import org.paperless.api.security.Access;
import org.paperless.api.security.Grants;
import org.paperless.api.security.ObjectType;
import org.paperless.api.security.UserDirectory;

/** Owners and grants through an export and an import, ours and paperless-ngx's, on real storage (Derby). */
class PermissionBackupTest {

    @TempDir
    Path dir;
    private StorageInstance source;
    private StorageInstance target;

    @BeforeEach
    void open() throws Exception {
        source = new StorageInstance(dir.resolve("source"));
        target = new StorageInstance(dir.resolve("target"));
    }

    @AfterEach
    void close() {
        source.close();
        target.close();
    }

    @Test
    void ownersAndGrantsComeBackUnderTheNewIds() throws Exception {
        long tag = source.tags.create(new Tag(null, "Bob's", Matching.DEFAULT, null, false, null)).id();
        long acme = source.correspondents.create(new Correspondent(null, "Acme", Matching.DEFAULT)).id();
        long payslip = document(source, "Payslip", "bob");
        document(source, "Open letter", null);
        source.permissions.setOwner(ObjectType.TAG, tag, "bob");
        source.permissions.setGrants(ObjectType.TAG, List.of(tag), new Grants(Set.of(), Set.of("family"), Set.of(), Set.of()));
        source.permissions.setGrants(ObjectType.DOCUMENT, List.of(payslip),
                new Grants(Set.of("alice"), Set.of(), Set.of("alice"), Set.of("family")));
        source.permissions.setOwner(ObjectType.CORRESPONDENT, acme, "carol");
        SavedView bobsView = source.savedViews.create(new SavedView(null, "Bob's bills", "created", true, 50, "table",
                List.of("title", "tag"), List.of(new SavedView.FilterRule(6, Long.toString(tag)),
                        new SavedView.FilterRule(0, "bill")), true, false));
        source.permissions.setOwner(ObjectType.SAVED_VIEW, bobsView.id(), "bob");

        Path export = dir.resolve("export");
        source.exporter().export(new ExportOptions(export, false, false, false, false, false, false, false, false,
                false, null, true, null), null);
        JsonNode bobsTag = records(export, "documents.tag").stream()
                .filter(r -> r.path("fields").path("name").asText().equals("Bob's")).findFirst().orElseThrow();
        assertEquals(UserDirectory.numberOf("bob"), bobsTag.path("fields").path("owner").asLong(), "owners as user pks");
        assertEquals(List.of("alice", "bob", "carol"), records(export, PermissionRecords.USER).stream()
                .map(r -> r.path("fields").path("username").asText()).sorted().toList(),
                "every user named, though no directory runs here");

        ImportReport report = target.importer().importFrom(export, new ImportOptions(true, null), null);
        assertFalse(report.skipped().containsKey(PermissionRecords.USER), report.skipped().toString());
        long newTag = target.tags.findByName("Bob's").orElseThrow().id();
        Map<Long, Access> tags = target.permissions.accessAll(ObjectType.TAG);
        assertEquals(new Access("bob", new Grants(Set.of(), Set.of("family"), Set.of(), Set.of())), tags.get(newTag));
        assertEquals("carol", target.permissions.accessAll(ObjectType.CORRESPONDENT)
                .get(target.correspondents.findByName("Acme").orElseThrow().id()).owner());
        Document newPayslip = byTitle(target, "Payslip");
        assertEquals("bob", newPayslip.owner());
        assertEquals(new Grants(Set.of("alice"), Set.of(), Set.of("alice"), Set.of("family")),
                target.permissions.access(ObjectType.DOCUMENT, List.of(newPayslip.id())).get(newPayslip.id()).grants());
        assertNull(byTitle(target, "Open letter").owner());
        SavedView view = target.savedViews.list().get(0);
        assertEquals(bobsView.withId(view.id()), view.withId(view.id()));
        assertEquals(Long.toString(newTag), view.filterRules().get(0).value());
        assertEquals("bob", target.permissions.accessAll(ObjectType.SAVED_VIEW).get(view.id()).owner());
    }

    @Test
    void paperlessNgxGrantsAreMappedThroughItsContentTypesAndPermissionsToTheNewIds() throws Exception {
        Path export = Files.createDirectories(dir.resolve("ngx"));
        Files.writeString(export.resolve("metadata.json"), "{\"version\": \"2.15.3\"}");
        Files.writeString(export.resolve("manifest.json"), """
                [
                {"model": "contenttypes.contenttype", "pk": 7, "fields": {"app_label": "documents", "model": "document"}},
                {"model": "contenttypes.contenttype", "pk": 9, "fields": {"app_label": "documents", "model": "tag"}},
                {"model": "contenttypes.contenttype", "pk": 30, "fields": {"app_label": "paperless_mail", "model": "mailrule"}},
                {"model": "auth.permission", "pk": 25, "fields": {"name": "Can change document", "content_type": 7, "codename": "change_document"}},
                {"model": "auth.permission", "pk": 26, "fields": {"name": "Can delete document", "content_type": 7, "codename": "delete_document"}},
                {"model": "auth.permission", "pk": 28, "fields": {"name": "Can view document", "content_type": 7, "codename": "view_document"}},
                {"model": "auth.permission", "pk": 36, "fields": {"name": "Can view tag", "content_type": 9, "codename": "view_tag"}},
                {"model": "auth.permission", "pk": 120, "fields": {"name": "Can view mail rule", "content_type": 30, "codename": "view_mailrule"}},
                {"model": "auth.group", "pk": 1, "fields": {"name": "Family", "permissions": [28]}},
                {"model": "auth.user", "pk": 3, "fields": {"password": "pbkdf2_sha256$...", "username": "anna", "is_superuser": true, "groups": [1]}},
                {"model": "auth.user", "pk": 4, "fields": {"username": "ben", "is_superuser": false, "groups": []}},
                {"model": "documents.tag", "pk": 5, "fields": {"owner": 4, "name": "Ben's", "match": "", "matching_algorithm": 1, "is_insensitive": true, "color": "#00ff00", "is_inbox_tag": false, "tn_parent": null}},
                {"model": "documents.document", "pk": 11, "fields": {"owner": 3, "title": "Anna's", "content": "x", "mime_type": "application/pdf", "checksum": "c1", "created": "2024-01-01", "modified": "2024-01-01T00:00:00Z", "added": "2024-01-01T00:00:00Z", "filename": "0000011.pdf", "original_filename": "a.pdf", "tags": [5]}},
                {"model": "guardian.userobjectpermission", "pk": 1, "fields": {"object_pk": "11", "content_type": 7, "user": 4, "permission": 28}},
                {"model": "guardian.userobjectpermission", "pk": 2, "fields": {"object_pk": "11", "content_type": 7, "user": 4, "permission": 25}},
                {"model": "guardian.userobjectpermission", "pk": 3, "fields": {"object_pk": "11", "content_type": 7, "user": 4, "permission": 26}},
                {"model": "guardian.groupobjectpermission", "pk": 1, "fields": {"object_pk": "5", "content_type": 9, "group": 1, "permission": 36}},
                {"model": "guardian.groupobjectpermission", "pk": 2, "fields": {"object_pk": "99", "content_type": 9, "group": 1, "permission": 36}},
                {"model": "guardian.userobjectpermission", "pk": 4, "fields": {"object_pk": "1", "content_type": 30, "user": 4, "permission": 120}},
                {"model": "documents.savedview", "pk": 2, "fields": {"owner": 4, "name": "Ben's tag", "show_on_dashboard": true, "show_in_sidebar": true, "sort_field": "created", "sort_reverse": true, "page_size": null, "display_mode": "smallCards", "display_fields": ["title", "custom_field_9"]}},
                {"model": "documents.savedviewfilterrule", "pk": 8, "fields": {"saved_view": 2, "rule_type": 6, "value": "5"}},
                {"model": "documents.savedviewfilterrule", "pk": 9, "fields": {"saved_view": 2, "rule_type": 3, "value": "77"}},
                {"model": "documents.savedviewfilterrule", "pk": 10, "fields": {"saved_view": 2, "rule_type": 32, "value": "3"}}
                ]
                """, StandardCharsets.UTF_8);
        ImportReport report = target.importer().importFrom(export, new ImportOptions(true, null), null);
        assertEquals(2L, report.imported().get(PermissionRecords.USER));
        long tag = target.tags.findByName("Ben's").orElseThrow().id();
        assertEquals(new Access("ben", new Grants(Set.of(), Set.of("Family"), Set.of(), Set.of())),
                target.permissions.accessAll(ObjectType.TAG).get(tag));
        Document annas = byTitle(target, "Anna's");
        assertEquals("anna", annas.owner());
        assertEquals(new Grants(Set.of("ben"), Set.of(), Set.of("ben"), Set.of()),
                target.permissions.access(ObjectType.DOCUMENT, List.of(annas.id())).get(annas.id()).grants(),
                "view and change kept, delete has no counterpart here");
        SavedView view = target.savedViews.list().get(0);
        assertEquals(List.of(new SavedView.FilterRule(6, Long.toString(tag)),
                new SavedView.FilterRule(32, Long.toString(UserDirectory.numberOf("anna")))), view.filterRules(),
                "tag and owner mapped, the rule naming a correspondent the export lacks left out");
        assertEquals(List.of("title"), view.displayFields());
        assertEquals("ben", target.permissions.accessAll(ObjectType.SAVED_VIEW).get(view.id()).owner());
    }

    private static long document(StorageInstance instance, String title, String owner) {
        return instance.documents.create(new Document(null, title, "text of " + title, null, null, null, Set.of(),
                null, null, null, "sum-" + title, null, null, null, null, title + ".pdf", "application/pdf", 1, owner,
                List.of(), List.of()), stored -> stored.withFilenames(String.format("%07d.pdf", stored.id()), null)).id();
    }

    private static Document byTitle(StorageInstance instance, String title) {
        return instance.documents.list(0, 100).stream().filter(d -> d.title().equals(title)).findFirst().orElseThrow();
    }

    private static List<JsonNode> records(Path export, String model) throws Exception {
        List<JsonNode> found = new java.util.ArrayList<>();
        for (JsonNode r : Json.mapper().readTree(export.resolve("manifest.json").toFile())) {
            if (model.equals(r.path("model").asText())) {
                found.add(r);
            }
        }
        return found;
    }
}
