package org.paperless.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.paperless.api.Document;
import org.paperless.api.mail.MailFetcher;
import org.paperless.api.storage.DocumentRepository;

/**
 * Mail fetching on the real distribution, through the console commands as a user types them, from
 * GreenMail's IMAP server in the test JVM. Each test has a mailbox and an account of its own; the mails
 * are put on the server with IMAP APPEND from inside the container ({@link ImapSession}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MailIT {

    private static final long STARTUP = 60_000;
    private static final String FIXTURES = "paperless.it.fixtures";
    private static final String IMAP_PORT = "paperless.it.imap.port";
    private static final String HOST = "127.0.0.1";

    @Inject
    protected BundleContext context;

    @Inject
    protected SessionFactory sessionFactory;

    private Console console;
    private DocumentRepository documents;

    @Configuration
    public Option[] config() throws Exception {
        Path fixtures = Fixtures.write(Paths.get("target/it-fixtures").toAbsolutePath());
        GreenMailServer imap = GreenMailServer.untilExit(
                Map.of("alice", password("alice"), "bob", password("bob"), "carol", password("carol"), "dave", password("dave")));
        return KarafOptions.distribution("derby",
                editConfigurationFilePut("etc/custom.system.properties", FIXTURES, fixtures.toString()),
                editConfigurationFilePut("etc/custom.system.properties", IMAP_PORT, Integer.toString(imap.port())),
                // Only the fetches the tests start: a scheduled one would answer "already running".
                editConfigurationFilePut("etc/org.paperless.schedules.cfg", "mailCron", "disable"));
    }

    @Before
    public void fetcherIsUp() throws Exception {
        console = new Console(sessionFactory);
        Services.awaitBootFinished(context, Services.BOOT_MILLIS);
        Services.await(context, MailFetcher.class, STARTUP);
        documents = Services.await(context, DocumentRepository.class, STARTUP);
    }

    @Test
    public void attachmentsBecomeDocumentsOnceAndTheirMailsAreMarkedRead() throws Exception {
        console.admin("paperless:tag-add Mailed");
        String added = console.admin("paperless:mail-account-add --host " + HOST + " --port " + port()
                + " --security none --user alice --password " + password("alice") + " Alice");
        assertTrue(added, added.contains("Added mail account") && added.contains("'Alice'"));
        assertFalse(added, added.contains(password("alice")));
        String list = console.admin("paperless:mail-account-list --no-format");
        assertTrue(list, list.lines().anyMatch(l -> l.contains("\tAlice\t" + HOST + "\t" + port() + "\tnone\talice\tset\t")));
        assertFalse("the password is never shown: " + list, list.contains(password("alice")));
        String test = console.admin("paperless:mail-account-test Alice");
        assertTrue(test, test.contains("Logged in to " + HOST + ":" + port() + " as alice") && test.contains("  INBOX"));
        String rule = console.admin("paperless:mail-rule-add --account Alice --folder INBOX --action mark-read --tag Mailed Bills");
        assertTrue(rule, rule.contains("Added mail rule") && rule.contains("'Bills'"));

        byte[] invoice = fixture(FixtureNames.INVOICE_PDF);
        byte[] letter = fixture(FixtureNames.LETTER_PDF);
        String invoiceId = messageId();
        String letterId = messageId();
        try (ImapSession alice = login("alice")) {
            alice.append("INBOX", MailFixtures.withAttachment("Invoice 2024-117", invoiceId, "invoice.pdf", "application/pdf", invoice));
            alice.append("INBOX", MailFixtures.withAttachment("Schreiben vom Finanzamt für März", letterId,
                    "Bescheid März 2024.pdf", "application/pdf", letter));
            alice.append("INBOX", MailFixtures.plain("Just saying hello", messageId(), "No attachment here."));
        }

        long before = documents.count();
        String fetched = console.admin("paperless:mail-fetch --no-format");
        assertTrue(fetched, fetched.lines().anyMatch(l -> l.startsWith("Alice\t2\t2\t0")));
        assertEquals(before + 2, documents.count());

        Document invoiceDoc = stored(invoice);
        String show = console.admin("paperless:document-show --no-format --no-content " + invoiceDoc.id());
        assertTrue(show, show.contains("From mail\taccount 'Alice', rule 'Bills', <" + invoiceId + ">, subject 'Invoice 2024-117'"));
        assertTrue(show, show.contains("Title\tInvoice 2024-117"));
        assertTrue(show, show.contains("Tags\tMailed"));
        assertTrue(show, show.contains("Original file name\tinvoice.pdf"));
        // RFC 2047 subject and RFC 2231 file name, decoded
        Document letterDoc = stored(letter);
        String letterShow = console.admin("paperless:document-show --no-format --no-content " + letterDoc.id());
        assertTrue(letterShow, letterShow.contains("Title\tSchreiben vom Finanzamt für März"));
        assertTrue(letterShow, letterShow.contains("Original file name\tBescheid März 2024.pdf"));
        assertTrue(letterShow, letterShow.contains("From mail\taccount 'Alice', rule 'Bills', <" + letterId + ">"));
        assertEquals(Integer.valueOf(3), letterDoc.pageCount());

        try (ImapSession alice = login("alice")) {
            assertEquals(3, alice.messages("INBOX"));
            assertEquals("the two mails with documents are read, the one without is left alone", 1, alice.unseen("INBOX"));
        }

        String again = console.admin("paperless:mail-fetch --no-format");
        assertTrue(again, again.lines().anyMatch(l -> l.startsWith("Alice\t0\t0\t0")));
        assertEquals("a second fetch stores nothing", before + 2, documents.count());
    }

    @Test
    public void aStoppedMailBundleIsSaidSoAndFetchesAgainOnceStarted() throws Exception {
        console.admin("paperless:mail-account-add --host " + HOST + " --port " + port() + " --security none --user bob"
                + " --password " + password("bob") + " Bob");
        console.admin("paperless:mail-rule-add --account Bob --folder INBOX --action mark-read Letters");
        console.admin("bundle:stop org.paperless.mail");
        try {
            byte[] note = ("Delivered while the fetcher was stopped " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            try (ImapSession bob = login("bob")) {
                bob.append("INBOX", MailFixtures.withAttachment("Note", messageId(), "note.txt", "text/plain", note));
            }
            long before = documents.count();
            Exception refused = assertThrows(Exception.class, () -> console.admin("paperless:mail-fetch --account Bob"));
            assertTrue(refused.getMessage(), refused.getMessage().contains("Mail fetching is not available"));
            assertTrue("storage still answers", console.admin("paperless:mail-account-list --no-format").contains("\tBob\t"));
            assertEquals(before, documents.count());

            console.admin("bundle:start org.paperless.mail");
            Services.await(context, MailFetcher.class, STARTUP);
            String fetched = Services.eventually(30_000, () -> console.admin("paperless:mail-fetch --account Bob --no-format"));
            assertTrue(fetched, fetched.lines().anyMatch(l -> l.startsWith("Bob\t1\t1\t0")));
            assertEquals(before + 1, documents.count());
            assertTrue(stored(note).content().contains("Delivered while the fetcher was stopped"));
            try (ImapSession bob = login("bob")) {
                assertEquals(0, bob.unseen("INBOX"));
            }
        } finally {
            console.admin("bundle:start org.paperless.mail");
        }
    }

    @Test
    public void aWrongPasswordFailsItsAccountAloneAndIsInTheFailedTasks() throws Exception {
        String wrongPassword = "not-carols-password-" + UUID.randomUUID();
        console.admin("paperless:mail-account-add --host " + HOST + " --port " + port() + " --security none --user carol"
                + " --password " + password("carol") + " Carol");
        console.admin("paperless:mail-rule-add --account Carol --folder INBOX --action mark-read Carols");
        console.admin("paperless:mail-account-add --host " + HOST + " --port " + port() + " --security none --user carol"
                + " --password " + wrongPassword + " Wrong");
        console.admin("paperless:mail-rule-add --account Wrong --folder INBOX --action mark-read Mistyped");
        try {
            byte[] note = ("For Carol " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            try (ImapSession carol = login("carol")) {
                carol.append("INBOX", MailFixtures.withAttachment("For Carol", messageId(), "carol.txt", "text/plain", note));
            }
            long before = documents.count();
            Exception failed = assertThrows(Exception.class, () -> console.admin("paperless:mail-fetch"));
            assertTrue(failed.getMessage(), failed.getMessage().contains("Mail fetching had failures"));
            assertEquals("the other account was still fetched", before + 1, documents.count());
            stored(note);

            String tasks = console.admin("paperless:tasks --failed --no-format");
            String expected = "Login as 'carol' at " + HOST + ":" + port() + " failed";
            assertTrue(tasks, tasks.lines().anyMatch(l -> l.contains("\tscheduled\tmail-fetch Wrong\t") && l.contains(expected)));
            assertFalse(tasks, tasks.contains("mail-fetch Carol"));
            assertFalse("no password in the task list", tasks.contains(wrongPassword));
            String log = Files.readString(Paths.get(System.getProperty("karaf.log", System.getProperty("karaf.data") + "/log"), "karaf.log"));
            assertTrue("the log says why", log.contains("Mail account Wrong: " + expected));
            assertFalse("no password in the log", log.contains(wrongPassword) || log.contains(password("carol")));
        } finally {
            console.admin("paperless:mail-account-remove Wrong");
        }
    }

    @Test
    public void anUpdateOfTheMailBundleInTheMiddleOfAFetchLosesNothingAndTakesNothingTwice() throws Exception {
        console.admin("paperless:mail-account-add --host " + HOST + " --port " + port() + " --security none --user dave"
                + " --password " + password("dave") + " Dave");
        console.admin("paperless:mail-rule-add --account Dave --folder INBOX --action mark-read Notes");
        int mails = 120;
        java.util.List<byte[]> notes = new java.util.ArrayList<>();
        try (ImapSession dave = login("dave")) {
            for (int i = 0; i < mails; i++) {
                byte[] note = ("Note " + i + " for the update test " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
                notes.add(note);
                dave.append("INBOX", MailFixtures.withAttachment("Note " + i, messageId(), "note-" + i + ".txt", "text/plain", note));
            }
        }
        long before = documents.count();
        Thread fetch = new Thread(() -> {
            try {
                console.admin("paperless:mail-fetch --account Dave --no-format");
            } catch (Exception e) {
                // cut off by the update: what it stored stays, the rest comes with the next fetch
            }
        }, "it-mail-fetch");
        fetch.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (documents.count() < before + 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        long atUpdate = documents.count() - before;
        console.admin("bundle:update org.paperless.mail");
        fetch.join(120_000);
        assertFalse("the fetch cut off by the update has ended", fetch.isAlive());
        assertTrue("the update came in the middle of the fetch (" + atUpdate + " of " + mails + " stored)",
                atUpdate >= 3 && atUpdate < mails);

        Services.await(context, MailFetcher.class, STARTUP);
        String fetched = Services.eventually(60_000, () -> console.admin("paperless:mail-fetch --account Dave --no-format"));
        assertTrue(fetched, fetched.lines().anyMatch(l -> l.startsWith("Dave\t")));
        String again = console.admin("paperless:mail-fetch --account Dave --no-format");
        assertTrue("nothing left for a third fetch: " + again, again.lines().anyMatch(l -> l.startsWith("Dave\t0\t0\t0")));
        assertEquals("every mail became exactly one document", before + mails, documents.count());
        for (byte[] note : notes) {
            stored(note);
        }
        try (ImapSession dave = login("dave")) {
            assertEquals("every mail got its action", 0, dave.unseen("INBOX"));
        }
    }

    private static String password(String user) {
        return user + "-imap-secret";
    }

    private static int port() {
        return Integer.parseInt(System.getProperty(IMAP_PORT));
    }

    private static ImapSession login(String user) throws Exception {
        return new ImapSession(HOST, port(), user, password(user));
    }

    private static String messageId() {
        return UUID.randomUUID() + "@example.org";
    }

    private static byte[] fixture(String name) throws Exception {
        return Files.readAllBytes(Paths.get(System.getProperty(FIXTURES)).resolve(name));
    }

    /** The document holding exactly these bytes as its original. */
    private Document stored(byte[] original) throws Exception {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original));
        return documents.findByChecksum(sha256).orElseThrow(() -> new AssertionError("no document with checksum " + sha256));
    }
}
