package org.paperless.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.paperless.itests.KilledInstance.background;
import static org.paperless.itests.KilledInstance.files;
import static org.paperless.itests.KilledInstance.killWhen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Mail fetching on the distribution started by ./paperless, with the exit codes a script sees: killed with
 * -9 in the middle of a fetch from GreenMail (in this JVM), and against Dovecot, an independent IMAP server
 * that ./paperless test starts (PAPERLESS_TEST_IMAP).
 */
class MailLauncherIT {

    private static final int MAILS = 50;
    private static final String HOST = "127.0.0.1";
    /** Only the fetches the tests start. */
    private static final Map<String, String> NO_SCHEDULE = Map.of("PAPERLESS_EMAIL_TASK_CRON", "disable");

    private static Path freshDataDir() {
        return Paths.get("target/launcher-data/mail-" + UUID.randomUUID()).toAbsolutePath();
    }

    /**
     * Documents are stored mail by mail, the actions run afterwards: killed after some documents, the stored
     * mails have no action yet. After a restart one fetch finishes them (their action only) and takes the rest:
     * exactly one document per mail, every mail read.
     */
    @Test
    void aKillBetweenStoringAndActingLosesNothingAndStoresEachMailOnce() throws Exception {
        String password = "dora-imap-secret";
        try (GreenMailServer greenMail = new GreenMailServer(Map.of("dora", password))) {
            Set<String> checksums = new HashSet<>();
            try (ImapSession dora = new ImapSession(HOST, greenMail.port(), "dora", password)) {
                for (int i = 0; i < MAILS; i++) {
                    byte[] pdf = HostileFixtures.textPdf("Statement " + i + " " + UUID.randomUUID());
                    checksums.add(sha256(pdf));
                    dora.append("INBOX", MailFixtures.withAttachment("Statement " + i, UUID.randomUUID() + "@example.org",
                            "statement-" + i + ".pdf", "application/pdf", pdf));
                }
            }
            Path data = freshDataDir();
            Path originals = data.resolve("media/originals");
            Launcher first = new Launcher(data, NO_SCHEDULE);
            try {
                start(first);
                ok(first, "paperless:mail-account-add --host " + HOST + " --port " + greenMail.port()
                        + " --security none --user dora --password " + password + " Dora");
                ok(first, "paperless:mail-rule-add --account Dora --folder INBOX --action mark-read Statements");
                CompletableFuture<Launcher.Result> fetch = background(first, "paperless:mail-fetch");
                killWhen(first, () -> files(originals) >= 10);
                assertNotEquals(0, fetch.get().exitCode(), "the fetch was killed, not finished");
            } finally {
                first.run("stop");
            }
            long stored = files(originals);
            int read;
            try (ImapSession dora = new ImapSession(HOST, greenMail.port(), "dora", password)) {
                read = MAILS - dora.unseen("INBOX");
            }
            assertTrue(stored < MAILS, "killed in the middle: " + stored + " documents");
            assertTrue(read < stored, "killed between storing and acting: " + stored + " documents, " + read + " mails read");

            Launcher again = new Launcher(data, NO_SCHEDULE);
            try {
                start(again);
                ok(again, "paperless:mail-fetch");
                assertEquals(MAILS, files(originals), "one document per mail");
                assertEquals(checksums, originalChecksums(originals), "each mail's attachment stored exactly once");
                try (ImapSession dora = new ImapSession(HOST, greenMail.port(), "dora", password)) {
                    assertEquals(0, dora.unseen("INBOX"), "every mail read");
                }
                String log = Files.readString(data.resolve("log/karaf.log"));
                assertTrue(log.contains("has all its documents stored; running the action"),
                        "the mails stored before the kill only got their action");
                ok(again, "paperless:mail-fetch");
                assertEquals(MAILS, files(originals), "a second fetch stores nothing");
                Launcher.Result status = again.run("client", "paperless:status --no-format");
                assertTrue(status.output().contains("Documents\t" + MAILS), status.output());
            } finally {
                again.run("stop");
            }
        }
    }

    /** The happy path and the MOVE action against Dovecot, which ./paperless test starts beside PostgreSQL. */
    @Test
    void dovecotMailsBecomeDocumentsAndAreMovedToTheirFolder() throws Exception {
        String server = System.getenv("PAPERLESS_TEST_IMAP");
        assumeTrue(server != null && !server.isBlank(), "PAPERLESS_TEST_IMAP is not set, so there is no Dovecot test"
                + " server: ./paperless test starts one (or scripts/imap-test-server.sh start, then export its last line"
                + " as PAPERLESS_TEST_IMAP=host:port:user:password)");
        String[] parts = server.strip().split(":", 4);
        String host = parts[0];
        int port = Integer.parseInt(parts[1]);
        String user = parts[2];
        String password = parts[3];
        // Folders of this run: the server outlives a test run when started by hand.
        String run = UUID.randomUUID().toString().substring(0, 8);
        String incoming = "Incoming-" + run;
        String filed = "Filed-" + run;
        Set<String> checksums = new HashSet<>();
        try (ImapSession dovecot = new ImapSession(host, port, user, password)) {
            dovecot.create(incoming);
            dovecot.create(filed);
            byte[] invoice = HostileFixtures.textPdf("Invoice from the Dovecot test " + run);
            byte[] reminder = HostileFixtures.textPdf("Payment reminder from the Dovecot test " + run);
            checksums.add(sha256(invoice));
            checksums.add(sha256(reminder));
            dovecot.append(incoming, MailFixtures.withAttachment("Invoice " + run, UUID.randomUUID() + "@example.org",
                    "invoice.pdf", "application/pdf", invoice));
            dovecot.append(incoming, MailFixtures.withAttachment("Zahlungserinnerung für Juni", UUID.randomUUID() + "@example.org",
                    "Erinnerung Müller.pdf", "application/pdf", reminder));
            dovecot.append(incoming, MailFixtures.plain("No attachment", UUID.randomUUID() + "@example.org", "Hello."));
        }
        Path data = freshDataDir();
        Path originals = data.resolve("media/originals");
        Launcher launcher = new Launcher(data, NO_SCHEDULE);
        try {
            start(launcher);
            ok(launcher, "paperless:mail-account-add --host " + host + " --port " + port + " --security none --user "
                    + user + " --password " + password + " Dovecot");
            String folders = ok(launcher, "paperless:mail-account-test Dovecot");
            assertTrue(folders.contains("  " + incoming) && folders.contains("  INBOX"), folders);
            ok(launcher, "paperless:mail-rule-add --account Dovecot --folder " + incoming + " --action move"
                    + " --action-parameter " + filed + " Filing");
            String fetched = ok(launcher, "paperless:mail-fetch --no-format");
            assertTrue(fetched.lines().anyMatch(l -> l.startsWith("Dovecot\t2\t2\t0")), fetched);
            assertEquals(checksums, originalChecksums(originals));
            try (ImapSession dovecot = new ImapSession(host, port, user, password)) {
                assertEquals(1, dovecot.messages(incoming), "the mail without attachment stays");
                assertEquals(2, dovecot.messages(filed), "the two mails moved");
            }
            String list = ok(launcher, "paperless:document-list --no-format");
            String id = list.lines().filter(l -> l.contains("Zahlungserinnerung für Juni")).findFirst()
                    .orElseThrow(() -> new AssertionError(list)).split("\t")[0];
            String show = ok(launcher, "paperless:document-show --no-format --no-content " + id);
            assertTrue(show.contains("From mail\taccount 'Dovecot', rule 'Filing', <"), show);
            assertTrue(show.contains("Original file name\tErinnerung Müller.pdf"), show);

            String again = ok(launcher, "paperless:mail-fetch --no-format");
            assertTrue(again.lines().anyMatch(l -> l.startsWith("Dovecot\t0\t0\t0")), again);
            assertEquals(2, files(originals), "a second fetch stores nothing");
        } finally {
            launcher.run("stop");
        }
    }

    /** Started, and the commands answer (the status says "finished" once every bundle is started). */
    private static void start(Launcher launcher) throws Exception {
        Launcher.Result started = launcher.run("start");
        assertEquals(0, started.exitCode(), started.output());
        Launcher.Result status = launcher.run("client", "paperless:status --no-format");
        assertTrue(status.output().contains("Startup\tfinished"), status.output());
    }

    private static String ok(Launcher launcher, String command) throws Exception {
        Launcher.Result result = launcher.run("client", command);
        assertEquals(0, result.exitCode(), command + ": " + result.output());
        return result.output();
    }

    private static Set<String> originalChecksums(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).map(p -> {
                try {
                    return sha256(Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect(Collectors.toSet());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
