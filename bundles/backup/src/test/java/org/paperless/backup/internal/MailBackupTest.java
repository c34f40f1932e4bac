package org.paperless.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.Correspondent;
import org.paperless.api.DocumentType;
import org.paperless.api.Matching;
import org.paperless.api.Tag;
import org.paperless.api.backup.ExportOptions;
import org.paperless.api.backup.ExportReport;
import org.paperless.api.backup.ImportOptions;
import org.paperless.api.backup.ImportReport;
import org.paperless.api.backup.VerifyReport;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailAccount.Security;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.MailRule.Action;
import org.paperless.api.mail.MailRule.AttachmentType;
import org.paperless.api.mail.MailRule.CorrespondentSource;
import org.paperless.api.mail.MailRule.Scope;
import org.paperless.api.mail.MailRule.TitleSource;

/**
 * Mail accounts and rules through paperless:export and paperless:import, between two instances on real
 * storage (Derby, each with its own data folder and mail key file): passwords only with --passphrase, rules
 * keeping their tags, type and correspondent under the ids of the instance they land in.
 */
class MailBackupTest {

    private static final String PASSPHRASE = "correct horse battery";
    private static final String WORK_PASSWORD = "s3cret Pässwort ✓";

    /** The source is only read: one for every test. */
    @TempDir
    static Path sourceDir;

    @TempDir
    Path dir;

    private static StorageInstance source;
    private StorageInstance target;

    @BeforeAll
    static void fillTheSource() throws Exception {
        source = new StorageInstance(sourceDir);
        // Objects made and removed first, so that the source's ids are not those the target gives.
        for (int i = 0; i < 3; i++) {
            source.tags.delete(source.tags.create(tag("gone " + i)).id());
        }
        source.correspondents.delete(source.correspondents.create(new Correspondent(null, "gone", Matching.DEFAULT)).id());
        long bank = source.tags.create(tag("Bank")).id();
        long bills = source.tags.create(tag("Bills")).id();
        source.tags.create(tag("Unused"));
        long utility = source.correspondents.create(new Correspondent(null, "Stadtwerke", Matching.DEFAULT)).id();
        long invoice = source.types.create(new DocumentType(null, "Invoice", Matching.DEFAULT)).id();

        MailAccount work = source.mailAccounts.create(new MailAccount(null, "Work", "imap.example.org", 993, Security.SSL,
                "me@example.org", WORK_PASSWORD, "UTF-8"));
        MailAccount home = source.mailAccounts.create(new MailAccount(null, "Home", "mail.example.net", null,
                Security.STARTTLS, "home", "", "US-ASCII"));
        source.mailRules.create(new MailRule(null, work.id(), "Invoices", 2, true, "INBOX/Bills", "billing@", "me@",
                "Invoice", "amount due", "*.pdf", "*logo*", 30, AttachmentType.EVERYTHING, Scope.EVERYTHING,
                TitleSource.FILENAME, CorrespondentSource.CUSTOM, utility, invoice, List.of(bills, bank), Action.MOVE,
                "Archive/Bills", true));
        source.mailRules.create(new MailRule(null, home.id(), "Flag the rest", 0, false, null, null, null, null, null,
                null, null, 0, null, Scope.EML, TitleSource.NONE, CorrespondentSource.NAME, null, null, List.of(bank),
                Action.KEYWORD, "paperless", false));
    }

    @AfterAll
    static void closeTheSource() {
        source.close();
    }

    @BeforeEach
    void openTheTarget() throws Exception {
        target = new StorageInstance(dir.resolve("target"));
    }

    @AfterEach
    void closeTheTarget() {
        target.close();
    }

    private static Tag tag(String name) {
        return new Tag(null, name, Matching.DEFAULT, Tag.DEFAULT_COLOR, false, null);
    }

    private Path export(String passphrase) throws Exception {
        report(source, passphrase);
        return dir.resolve("export");
    }

    private ExportReport report(StorageInstance instance, String passphrase) throws Exception {
        return instance.exporter().export(new ExportOptions(dir.resolve("export"), false, false, false, false, false,
                false, false, false, false, null, false, passphrase), null);
    }

    private static List<JsonNode> records(Path export, String model) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode r : Json.mapper().readTree(export.resolve("manifest.json").toFile())) {
            if (model.equals(r.path("model").asText())) {
                found.add(r);
            }
        }
        return found;
    }

    @Test
    void withAPassphraseAccountsAndRulesComeBackWithTheirPasswordsUnderTheNewIds() throws Exception {
        Path export = export(PASSPHRASE);
        String manifest = Files.readString(export.resolve("manifest.json"));
        assertFalse(manifest.contains(WORK_PASSWORD), "never in clear text");
        JsonNode work = records(export, ManifestFiles.MAIL_ACCOUNT).stream()
                .filter(r -> r.path("fields").path("name").asText().equals("Work")).findFirst().orElseThrow();
        assertEquals(2, work.path("fields").path("imap_security").asInt(), "paperless-ngx's SSL");
        assertEquals(1, work.path("fields").path("account_type").asInt(), "IMAP");
        assertFalse(work.path("fields").path("password").asText().isEmpty());
        Map<String, Integer> actions = new TreeMap<>();
        records(export, ManifestFiles.MAIL_RULE).forEach(r -> actions.put(r.path("fields").path("name").asText(),
                r.path("fields").path("action").asInt()));
        assertEquals(Map.of("Invoices", 2, "Flag the rest", 5), actions, "move is 2, a keyword paperless-ngx's tag (5)");

        // The target's ids differ: its sequences are moved on first.
        for (int i = 0; i < 7; i++) {
            target.tags.delete(target.tags.create(tag("placeholder " + i)).id());
        }
        ImportReport report = target.importer().importFrom(export, new ImportOptions(false, PASSPHRASE), null);
        assertEquals(2L, report.imported().get(ManifestFiles.MAIL_ACCOUNT));
        assertEquals(2L, report.imported().get(ManifestFiles.MAIL_RULE));

        assertEquals(comparable(source), comparable(target));
        assertEquals(WORK_PASSWORD, target.mailAccounts.findByName("Work").orElseThrow().password());
        assertNotEquals(source.tags.findByName("Bank").orElseThrow().id(), target.tags.findByName("Bank").orElseThrow().id());
        assertFalse(Arrays.equals(Files.readAllBytes(source.mailKey()), Files.readAllBytes(target.mailKey())),
                "each instance encrypts with a key of its own");
    }

    @Test
    void withoutAPassphraseThePasswordsAreLeftOutWithAWarningInTheReport() throws Exception {
        ExportReport[] report = new ExportReport[1];
        String log = stderrOf(() -> report[0] = report(source, null));
        String warning = "Mail account passwords were left out: export with --passphrase to keep them (accounts Work)";
        assertEquals(List.of(warning), report[0].warnings(), "'Home' has none");
        assertEquals(0, report[0].leftOut(), "no document is missing");
        assertTrue(log.contains(warning), log);
        assertEquals(List.of(), report(source, PASSPHRASE).warnings(), "with a passphrase nothing is left out");
        report(source, null);
        Path export = dir.resolve("export");
        assertFalse(Files.readString(export.resolve("manifest.json")).contains(WORK_PASSWORD));
        for (JsonNode account : records(export, ManifestFiles.MAIL_ACCOUNT)) {
            assertEquals("", account.path("fields").path("password").asText());
        }

        String imported = stderrOf(() -> target.importer().importFrom(export, ImportOptions.DEFAULT, null));
        assertTrue(imported.contains("Mail account 'Work' comes without its password"), imported);
        assertFalse(imported.contains("'Home' comes without"), "it had none");
        assertEquals("", target.mailAccounts.findByName("Work").orElseThrow().password());
        assertEquals(comparable(source).replace(WORK_PASSWORD, ""), comparable(target));
    }

    @Test
    void anExportWithoutPasswordsPassesTheCheck() throws Exception {
        Path export = export(null);
        VerifyReport report = new VerifierComponent().verify(export, null);
        assertTrue(report.ok(), report.toString());
        assertEquals(0, report.documents());
    }

    @Test
    void aPasswordThatCannotBeDecryptedIsAWarningEvenWithAPassphrase() throws Exception {
        try (StorageInstance lostKey = new StorageInstance(dir.resolve("lost-key"))) {
            lostKey.mailAccounts.create(new MailAccount(null, "Work", "imap.example.org", 993, Security.SSL,
                    "me@example.org", WORK_PASSWORD, "UTF-8"));
            Files.delete(lostKey.mailKey());
            List<String> warnings = report(lostKey, PASSPHRASE).warnings();
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("The password of mail account 'Work' cannot be read: the key file ")
                    && warnings.get(0).endsWith("(the export holds the account without its password)"), warnings.get(0));
        }
    }

    @Test
    void aWrongOrMissingPassphraseIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path export = export(PASSPHRASE);
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> target.importer().importFrom(export, new ImportOptions(false, "battery staple"), null));
        assertEquals("The passphrase does not open this export", wrong.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> target.importer().importFrom(export, ImportOptions.DEFAULT, null));
        assertTrue(none.getMessage().contains("give the same passphrase"), none.getMessage());
        assertEquals(List.of(), target.mailAccounts.list());
        assertEquals(List.of(), target.tags.list());
    }

    @Test
    void anAccountOfTheSameNameInTheInstanceRefusesTheImportBeforeAnythingIsWritten() throws Exception {
        Path export = export(PASSPHRASE);
        target.mailAccounts.create(new MailAccount(null, "WORK", "other.example.org", null, Security.SSL, "x", "y", null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> target.importer().importFrom(export, new ImportOptions(false, PASSPHRASE), null));
        assertTrue(e.getMessage().startsWith("Nothing was imported") && e.getMessage().contains("'Work'"), e.getMessage());
        assertEquals(List.of(), target.tags.list(), "not even the objects");
        assertEquals(1, target.mailAccounts.list().size());
    }

    /** The accounts and rules of an instance with every reference by name, so that two instances compare. */
    private static String comparable(StorageInstance instance) {
        StringBuilder text = new StringBuilder();
        Map<Long, String> accounts = new TreeMap<>();
        for (MailAccount a : instance.mailAccounts.list()) {
            accounts.put(a.id(), a.name());
            text.append(a.withId(null)).append(" password=").append(a.password()).append('\n');
        }
        for (MailRule r : instance.mailRules.list()) {
            List<String> tags = r.tagIds().stream().map(id -> instance.tags.find(id).orElseThrow().name()).sorted().toList();
            String type = r.documentTypeId() == null ? null : instance.types.find(r.documentTypeId()).orElseThrow().name();
            String correspondent = r.correspondentId() == null ? null
                    : instance.correspondents.find(r.correspondentId()).orElseThrow().name();
            text.append(accounts.get(r.accountId())).append(": ")
                    .append(new MailRule(null, 0, r.name(), r.order(), r.enabled(), r.folder(), r.filterFrom(), r.filterTo(),
                            r.filterSubject(), r.filterBody(), r.attachmentInclude(), r.attachmentExclude(),
                            r.maximumAgeDays(), r.attachmentType(), r.scope(), r.titleFrom(), r.correspondentFrom(),
                            r.correspondentId() == null ? null : 0L, null, List.of(), r.action(), r.actionParameter(),
                            r.stopProcessing()))
                    .append(" tags=").append(tags).append(" type=").append(type).append(" correspondent=")
                    .append(correspondent).append('\n');
        }
        return text.toString();
    }

    @FunctionalInterface
    interface Step {
        Object run() throws Exception;
    }

    /** What the step logged (slf4j-simple writes to System.err as it is at each call). */
    static String stderrOf(Step step) throws Exception {
        PrintStream before = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            step.run();
        } finally {
            System.setErr(before);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        before.print(text);
        return text;
    }
}
