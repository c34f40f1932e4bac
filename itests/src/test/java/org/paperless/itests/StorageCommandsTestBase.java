package org.paperless.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.paperless.api.Correspondent;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.Document;
import org.paperless.api.Matching;
import org.paperless.api.MatchingAlgorithm;
import org.paperless.api.Note;
import org.paperless.api.Tag;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;
import org.paperless.api.storage.TagRepository;

/** The console on a real distribution; subclasses choose the database. */
public abstract class StorageCommandsTestBase {

    private static final long STARTUP = 60_000;

    @Inject
    protected BundleContext context;

    @Inject
    protected SessionFactory sessionFactory;

    protected Console console;

    private static String databaseKind() {
        return System.getProperty(KarafOptions.EXPECTED_DATABASE);
    }

    @Before
    public void storageIsUp() throws Exception {
        console = new Console(sessionFactory);
        Services.awaitBootFinished(context, Services.BOOT_MILLIS);
        // Every repository the commands use: after a restart or a migration they come back one by one.
        for (Class<?> repository : new Class<?>[] {DocumentRepository.class, CorrespondentRepository.class,
                TagRepository.class, org.paperless.api.storage.DocumentTypeRepository.class,
                org.paperless.api.storage.StoragePathRepository.class, MediaStore.class,
                org.paperless.api.consumer.ConsumptionStatus.class}) {
            Services.await(context, repository, STARTUP);
        }
        Services.eventually(STARTUP, () -> console.admin("paperless:status"));
    }

    @Test
    public void statusShowsDatabaseSchemaCountsAndCapabilities() throws Exception {
        String status = console.admin("paperless:status --no-format");
        assertTrue(databaseKind() + " expected in " + status, status.contains("Database\t" + databaseKind()));
        assertTrue(status, status.contains("Schema\t" + FixtureNames.NEWEST_SCHEMA + " (newest " + FixtureNames.NEWEST_SCHEMA + ")"));
        assertTrue(status, status.matches("(?s).*Documents\t\\d+.*"));
        assertTrue(status, status.contains("Bundle org.paperless.storage\tActive"));
        assertTrue(status, status.contains("Bundle org.paperless.commands\tActive"));
        assertFalse("the URL must not show a password: " + status, status.toLowerCase().contains("password"));
    }

    @Test
    public void tagsAreAddedListedChangedAndRemoved() throws Exception {
        console.admin("paperless:tag-add --match \"invoice bill\" --algorithm any --inbox --color \"#FF0000\" Bills");
        console.admin("paperless:tag-add --parent Bills Utilities");
        String list = console.admin("paperless:tag-list --no-format");
        assertTrue(list, list.matches("(?s).*\\d+\tBills\t#ff0000\tyes\t\tinvoice bill\tany\tinsensitive.*"));
        assertTrue(list, list.matches("(?s).*\\d+\tUtilities\t#a6cee3\t\t\\d+\t\tany\tinsensitive.*"));

        console.admin("paperless:tag-change --name Invoices --algorithm regex --match \"^inv[0-9]+\" --case-sensitive --no-inbox Bills");
        list = console.admin("paperless:tag-list --no-format");
        assertTrue(list, list.contains("\tInvoices\t#ff0000\t\t\t^inv[0-9]+\tregex\tsensitive"));

        console.admin("paperless:tag-remove Utilities Invoices");
        list = console.admin("paperless:tag-list --no-format");
        assertFalse(list, list.contains("Invoices"));
        assertFalse(list, list.contains("Utilities"));
    }

    @Test
    public void aDuplicateNameIsRefusedWithAClearMessage() throws Exception {
        console.admin("paperless:correspondent-add \"ACME Corp\"");
        Exception e = assertThrows(Exception.class, () -> console.admin("paperless:correspondent-add \"acme corp\""));
        assertTrue(e.getMessage(), e.getMessage().contains("already exists"));
        Exception unknown = assertThrows(Exception.class, () -> console.admin("paperless:correspondent-remove \"No Such\""));
        assertTrue(unknown.getMessage(), unknown.getMessage().contains("No correspondent"));
        console.admin("paperless:correspondent-remove \"ACME Corp\"");
    }

    @Test
    public void correspondentsTypesAndStoragePathsHaveTheirCommands() throws Exception {
        console.admin("paperless:correspondent-add --match \"IBAN\" --algorithm literal Bank");
        console.admin("paperless:document-type-add --match invoice --algorithm 2 Invoice");
        console.admin("paperless:storage-path-add --path \"{created_year}/{title}\" --match tax --algorithm fuzzy ByYear");
        assertTrue(console.admin("paperless:correspondent-list --no-format").contains("Bank\tIBAN\tliteral\tinsensitive"));
        assertTrue(console.admin("paperless:document-type-list --no-format").contains("Invoice\tinvoice\tall\tinsensitive"));
        assertTrue(console.admin("paperless:storage-path-list --no-format").contains("ByYear\t{created_year}/{title}\ttax\tfuzzy"));

        console.admin("paperless:storage-path-change --path \"{correspondent}/{title}\" ByYear");
        assertTrue(console.admin("paperless:storage-path-list --no-format").contains("ByYear\t{correspondent}/{title}"));
        Exception bad = assertThrows(Exception.class, () -> console.admin("paperless:document-type-change --algorithm sometimes Invoice"));
        assertTrue(bad.getMessage(), bad.getMessage().contains("Unknown matching algorithm"));

        console.admin("paperless:correspondent-remove Bank");
        console.admin("paperless:document-type-remove Invoice");
        console.admin("paperless:storage-path-remove ByYear");
        assertFalse(console.admin("paperless:correspondent-list --no-format").contains("Bank"));
    }

    @Test
    public void documentsAreListedAndShownWithEveryField() throws Exception {
        CorrespondentRepository correspondents = Services.await(context, CorrespondentRepository.class, STARTUP);
        TagRepository tags = Services.await(context, TagRepository.class, STARTUP);
        DocumentRepository documents = Services.await(context, DocumentRepository.class, STARTUP);
        MediaStore media = Services.await(context, MediaStore.class, STARTUP);

        Correspondent c = correspondents.create(new Correspondent(null, "Stadtwerke Musterstadt", Matching.DEFAULT));
        Tag t = tags.create(new Tag(null, "Energy", new Matching("strom", MatchingAlgorithm.ANY, true), null, false, null));
        String name = "2024/electricity-" + System.nanoTime() + ".pdf";
        Path original = media.write(MediaArea.ORIGINALS, name, new ByteArrayInputStream("%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII)));
        Document d = documents.create(new Document(null, "Electricity bill March", "Your consumption was 321 kWh.",
                c.id(), null, null, Set.of(t.id()), LocalDate.of(2024, 3, 14), Instant.now(), Instant.now(),
                "abc123", null, 4711L, name, null, "electricity.pdf", "application/pdf", 2, "admin",
                List.of(new Note(null, 0, "Paid by transfer", Instant.now(), "admin")), List.<CustomFieldInstance>of()));
        assertNotNull(d.id());

        String list = console.admin("paperless:document-list --no-format");
        assertTrue(list, list.contains(d.id() + "\t2024-03-14\tElectricity bill March\tStadtwerke Musterstadt\t\tEnergy\t2"));

        String show = console.admin("paperless:document-show --no-format " + d.id());
        assertTrue(show, show.contains("Title\tElectricity bill March"));
        assertTrue(show, show.contains("Correspondent\tStadtwerke Musterstadt"));
        assertTrue(show, show.contains("ASN\t4711"));
        assertTrue(show, show.contains("Paid by transfer"));
        assertTrue(show, show.contains("Your consumption was 321 kWh."));
        assertTrue(show, show.contains("Original\t" + original));
        assertTrue(Files.exists(original));

        Exception missing = assertThrows(Exception.class, () -> console.admin("paperless:document-show 999999"));
        assertTrue(missing.getMessage(), missing.getMessage().contains("No document with id 999999"));
    }

    @Test
    public void aViewerMayReadButNotWrite() throws Exception {
        assertTrue(console.as("viewer", "paperless:status").contains("Documents"));
        assertTrue("an account with the admin role alone reads too", console.as("admin", "paperless:tag-list").contains("Name"));
        console.as("viewer", "paperless:tag-list");
        Exception denied = assertThrows(Exception.class, () -> console.as("viewer", "paperless:tag-add Sneaky"));
        assertTrue(denied.getMessage(), denied.getMessage().contains("Command not found"));
        assertThrows(Exception.class, () -> console.as("viewer", "paperless:migrate 0"));
        assertFalse(console.admin("paperless:tag-list --no-format").contains("Sneaky"));
    }

    /** The newest migration down and up again: the code of this version still runs on the schema before. */
    @Test
    public void migrationsGoDownAndUpKeepingTheData() throws Exception {
        int newest = FixtureNames.NEWEST_SCHEMA;
        int before = newest - 1;
        console.admin("paperless:tag-add Kept");
        String overview = console.admin("paperless:migrate --no-format");
        assertTrue(overview, overview.contains("Schema at " + newest + ", newest " + newest + ", 0 pending"));
        try {
            String down = console.admin("paperless:migrate " + before);
            assertTrue(down, down.contains("Schema moved from " + newest + " to " + before));
            String status = console.admin("paperless:status --no-format");
            assertTrue(status, status.contains("Schema\t" + before + " (newest " + newest + ")"));
            String pending = console.admin("paperless:migrate --no-format");
            assertTrue(pending, pending.contains(newest + "\tpending\tyes\t") && pending.contains("1 pending"));
            assertTrue(console.admin("paperless:tag-list --no-format").contains("\tKept\t"));
            Exception unknown = assertThrows(Exception.class, () -> console.admin("paperless:migrate 99"));
            assertTrue(unknown.getMessage(), unknown.getMessage().contains("99"));
        } finally {
            console.admin("paperless:migrate " + newest);
        }
        assertTrue(console.admin("paperless:status --no-format").contains("Schema\t" + newest + " (newest " + newest + ")"));
        assertTrue(console.admin("paperless:tag-list --no-format").contains("\tKept\t"));
        console.admin("paperless:tag-remove Kept");
    }

    @Test
    public void everyPaperlessBundleSurvivesARestart() throws Exception {
        console.admin("paperless:tag-add Survivor");
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().startsWith("org.paperless.")) {
                b.stop();
                b.start();
            }
        }
        Services.await(context, DocumentRepository.class, STARTUP);
        String list = Services.eventually(STARTUP, () -> console.admin("paperless:tag-list --no-format"));
        assertTrue(list, list.contains("\tSurvivor\t"));
        String status = console.admin("paperless:status --no-format");
        long bundles = status.lines().filter(l -> l.startsWith("Bundle org.paperless.")).count();
        long active = status.lines().filter(l -> l.startsWith("Bundle org.paperless.") && l.endsWith("\tActive")).count();
        assertTrue(status, bundles >= 4);
        assertEquals(status, bundles, active);
        console.admin("paperless:tag-remove Survivor");
    }
}
