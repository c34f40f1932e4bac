package org.paperless.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.backup.ImportOptions;
import org.paperless.api.backup.ImportReport;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailAccount.Security;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.MailRule.Action;
import org.paperless.api.mail.MailRule.AttachmentType;
import org.paperless.api.mail.MailRule.CorrespondentSource;
import org.paperless.api.mail.MailRule.Scope;
import org.paperless.api.mail.MailRule.TitleSource;

/**
 * A paperless-ngx export made with --passphrase, as its exporter writes the mail models (password fields
 * as the hex of Fernet tokens, made by Python's cryptography: see {@link FernetTest}), imported into real
 * storage on Derby.
 */
class NgxMailImportTest {

    @TempDir
    Path dir;

    private Path export;
    private StorageInstance instance;

    @BeforeEach
    void writeTheExport() throws Exception {
        export = Files.createDirectories(dir.resolve("ngx-export"));
        Files.writeString(export.resolve("metadata.json"), """
                {"version": "2.15.3", "__crypto__": {"__key_algo__": "pbkdf2_sha256", "__key_iters__": %d,
                 "__key_size__": 32, "__salt_hex__": "%s"}}
                """.formatted(FernetTest.NGX_ITERATIONS, FernetTest.NGX_SALT_HEX));
        Files.writeString(export.resolve("manifest.json"), """
                [
                {"model": "documents.correspondent", "pk": 3, "fields": {"owner": null, "name": "Stadtwerke", "match": "", "matching_algorithm": 1, "is_insensitive": true}},
                {"model": "documents.documenttype", "pk": 4, "fields": {"owner": null, "name": "Invoice", "match": "", "matching_algorithm": 1, "is_insensitive": true}},
                {"model": "documents.tag", "pk": 7, "fields": {"owner": null, "name": "Bills", "match": "", "matching_algorithm": 1, "is_insensitive": true, "color": "#00ff00", "is_inbox_tag": false, "tn_parent": null}},
                {"model": "documents.tag", "pk": 9, "fields": {"owner": null, "name": "Mail", "match": "", "matching_algorithm": 1, "is_insensitive": true, "color": "#0000ff", "is_inbox_tag": false, "tn_parent": null}},
                {"model": "auth.user", "pk": 3, "fields": {"username": "anna", "is_superuser": true}},
                {"model": "auth.user", "pk": 4, "fields": {"username": "ben", "is_superuser": false}},
                {"model": "paperless_mail.mailaccount", "pk": 2, "fields": {"owner": 3, "name": "Posteo", "imap_server": "posteo.de", "imap_port": null, "imap_security": 3, "username": "anna@posteo.de", "password": "%s", "is_token": false, "character_set": "US-ASCII", "account_type": 1, "refresh_token": null, "expiration": null}},
                {"model": "paperless_mail.mailaccount", "pk": 5, "fields": {"owner": 3, "name": "Gmail", "imap_server": "imap.gmail.com", "imap_port": 993, "imap_security": 2, "username": "anna@gmail.com", "password": "%s", "is_token": true, "character_set": "UTF-8", "account_type": 2, "refresh_token": "%s", "expiration": "2026-01-01T00:00:00Z"}},
                {"model": "paperless_mail.mailrule", "pk": 11, "fields": {"owner": 3, "name": "Invoices", "order": 1, "account": 2, "enabled": true, "folder": "INBOX.Rechnungen", "filter_from": "rechnung@stadtwerke.de", "filter_to": null, "filter_subject": "Rechnung", "filter_body": null, "filter_attachment_filename_include": "*.pdf", "filter_attachment_filename_exclude": null, "maximum_age": 14, "attachment_type": 2, "consumption_scope": 3, "pdf_layout": 0, "action": 5, "action_parameter": "paperless", "assign_title_from": 2, "assign_tags": [9, 7], "assign_document_type": 4, "assign_correspondent_from": 4, "assign_correspondent": 3, "assign_owner_from_rule": true, "stop_processing": true}},
                {"model": "paperless_mail.mailrule", "pk": 12, "fields": {"owner": 4, "name": "Invoices", "order": 0, "account": 2, "enabled": false, "folder": "INBOX", "filter_from": null, "filter_to": null, "filter_subject": null, "filter_body": null, "filter_attachment_filename_include": null, "filter_attachment_filename_exclude": null, "maximum_age": 30, "attachment_type": 1, "consumption_scope": 1, "pdf_layout": 0, "action": 2, "action_parameter": "Archive", "assign_title_from": 1, "assign_tags": [], "assign_document_type": null, "assign_correspondent_from": 4, "assign_correspondent": null, "assign_owner_from_rule": true, "stop_processing": false}},
                {"model": "paperless_mail.mailrule", "pk": 13, "fields": {"owner": 3, "name": "Gmail receipts", "order": 0, "account": 5, "enabled": true, "folder": "INBOX", "maximum_age": 30, "attachment_type": 1, "consumption_scope": 1, "action": 3, "assign_title_from": 1, "assign_tags": [], "assign_correspondent_from": 1, "stop_processing": false}},
                {"model": "paperless_mail.processedmail", "pk": 1, "fields": {"owner": 3, "rule": 11, "folder": "INBOX.Rechnungen", "uid": "17", "subject": "Rechnung", "received": "2025-01-02T10:00:00Z", "processed": "2025-01-02T10:05:00Z", "status": "SUCCESS", "error": null}}
                ]
                """.formatted(FernetTest.NGX_PASSWORD, FernetTest.NGX_PASSWORD, FernetTest.NGX_PASSWORD),
                StandardCharsets.UTF_8);
        instance = new StorageInstance(dir.resolve("instance"));
    }

    @AfterEach
    void close() {
        instance.close();
    }

    @Test
    void accountsAndRulesAreMappedWithTheirPasswordDecrypted() throws Exception {
        ImportReport report = instance.importer().importFrom(export,
                new ImportOptions(false, FernetTest.NGX_PASSPHRASE), null);
        assertEquals(1L, report.imported().get(ManifestFiles.MAIL_ACCOUNT));
        assertEquals(2L, report.imported().get(ManifestFiles.MAIL_RULE));
        assertEquals(1L, report.skipped().get(MailImport.SKIPPED_ACCOUNT), report.skipped().toString());
        assertEquals(1L, report.skipped().get(MailImport.SKIPPED_RULE), report.skipped().toString());
        assertEquals(1L, report.skipped().get("paperless_mail.processedmail"));

        MailAccount posteo = instance.mailAccounts.findByName("Posteo").orElseThrow();
        assertEquals(new MailAccount(posteo.id(), "Posteo", "posteo.de", null, Security.STARTTLS, "anna@posteo.de",
                "imap-Pässwort 1", "US-ASCII"), posteo);
        assertEquals(List.of("Posteo"), instance.mailAccounts.list().stream().map(MailAccount::name).toList(),
                "the Gmail OAuth account is not fetched here");

        long bills = instance.tags.findByName("Bills").orElseThrow().id();
        long mail = instance.tags.findByName("Mail").orElseThrow().id();
        MailRule invoices = instance.mailRules.findByName("Invoices").orElseThrow();
        assertEquals(new MailRule(invoices.id(), posteo.id(), "Invoices", 1, true, "INBOX.Rechnungen", "rechnung@stadtwerke.de",
                null, "Rechnung", null, "*.pdf", null, 14, AttachmentType.EVERYTHING, Scope.EVERYTHING, TitleSource.FILENAME,
                CorrespondentSource.CUSTOM, instance.correspondents.findByName("Stadtwerke").orElseThrow().id(),
                instance.types.findByName("Invoice").orElseThrow().id(), List.of(bills, mail).stream().sorted().toList(),
                Action.KEYWORD, "paperless", true), invoices);

        // Ben's rule of the same name: renamed; its custom correspondent is gone, so it assigns none.
        MailRule bens = instance.mailRules.findByName("Invoices (12)").orElseThrow();
        assertEquals(posteo.id(), bens.accountId());
        assertEquals(Action.MOVE, bens.action());
        assertEquals("Archive", bens.actionParameter());
        assertEquals(CorrespondentSource.NOTHING, bens.correspondentFrom());
        assertEquals(false, bens.enabled());
    }

    @Test
    void withoutThePassphraseOrWithAWrongOneNothingIsWritten() throws Exception {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> instance.importer().importFrom(export, ImportOptions.DEFAULT, null));
        assertTrue(none.getMessage().contains("give the same passphrase"), none.getMessage());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> instance.importer().importFrom(export, new ImportOptions(false, "ngx passphrase"), null));
        assertTrue(wrong.getMessage().startsWith("The passphrase does not open this export")
                && wrong.getMessage().contains("'Posteo'"), wrong.getMessage());
        assertEquals(List.of(), instance.tags.list());
        assertEquals(List.of(), instance.mailAccounts.list());
    }

    @Test
    void anExportWithoutPassphraseHoldsThePasswordsInClearText() throws Exception {
        Files.writeString(export.resolve("metadata.json"), "{\"version\": \"2.15.3\"}");
        Files.writeString(export.resolve("manifest.json"), Files.readString(export.resolve("manifest.json"))
                .replace(FernetTest.NGX_PASSWORD, "plain secret"));
        instance.importer().importFrom(export, ImportOptions.DEFAULT, null);
        assertEquals("plain secret", instance.mailAccounts.findByName("Posteo").orElseThrow().password());
    }

    @Test
    void whenStoringTheMailRecordsFailsAfterTheCommitNoneOfThemStaysAndTheErrorSaysSo() throws Exception {
        // The storage takes passwords up to 1,500 bytes: found only once the collection is committed.
        String tooLong = "x".repeat(2000);
        Files.writeString(export.resolve("metadata.json"), "{\"version\": \"2.15.3\"}");
        Files.writeString(export.resolve("manifest.json"), Files.readString(export.resolve("manifest.json"))
                .replace("\"password\": \"" + FernetTest.NGX_PASSWORD + "\", \"is_token\": true, \"character_set\": \"UTF-8\", \"account_type\": 2",
                        "\"password\": \"" + tooLong + "\", \"is_token\": false, \"character_set\": \"UTF-8\", \"account_type\": 1")
                .replace(FernetTest.NGX_PASSWORD, "plain secret"));
        java.io.IOException e = assertThrows(java.io.IOException.class,
                () -> instance.importer().importFrom(export, ImportOptions.DEFAULT, null));
        assertTrue(e.getMessage().startsWith("The documents and objects were imported, but not the mail accounts and rules")
                && e.getMessage().contains("1500 bytes"), e.getMessage());
        assertEquals(List.of(), instance.mailAccounts.list(), "the account stored before the failure is removed again");
        assertEquals(List.of(), instance.mailRules.list());
        assertEquals(2, instance.tags.list().size(), "the collection is committed");
    }
}
