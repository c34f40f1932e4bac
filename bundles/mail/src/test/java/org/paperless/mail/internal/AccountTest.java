package org.paperless.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailFetcher.AccountResult;
import org.paperless.api.mail.MailFetcher.FetchReport;
import org.paperless.api.mail.MailFetcher.RuleResult;
import org.paperless.api.mail.MailRule;
import org.paperless.api.tasks.TaskRecord;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** Accounts that cannot be fetched: each says why, and the others are fetched all the same. */
class AccountTest {

    @TempDir
    Path dir;
    MailWorld world;

    @BeforeEach
    void start() throws Exception {
        world = new MailWorld(dir);
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    @Test
    void aWrongPasswordIsReportedWithoutThePasswordAndTheOtherAccountIsFetched() throws Exception {
        MailAccount wrong = world.account("a-wrong", world.port(), "Wr0ng-Secret!", MailAccount.Security.NONE);
        MailAccount right = world.account("b-right");
        world.rule(wrong).create();
        world.rule(right).create();
        world.append("INBOX", TestMails.mail("Bill", "shop@example.com", "x", TestMails.pdf("bill.pdf")));

        FetchReport report = world.fetcher().fetch(null);

        assertFalse(report.ok());
        AccountResult failed = report.accounts().get(0);
        assertEquals("a-wrong", failed.account());
        assertTrue(failed.error().startsWith("Login as 'bob' at 127.0.0.1:" + world.port() + " failed"), failed.error());
        assertFalse(failed.error().contains("Wr0ng-Secret!"));
        assertNull(report.accounts().get(1).error());
        assertEquals(1, report.accounts().get(1).mailsConsumed());
        TaskRecord task = world.tasks.all().get(0);
        assertEquals("mail-fetch a-wrong", task.name());
        assertFalse(task.ok());
        assertEquals(failed.error(), task.message());
    }

    @Test
    void oneAccountByName() throws Exception {
        MailAccount one = world.account("one");
        world.account("two", world.port(), "nope", MailAccount.Security.NONE);
        world.rule(one).create();
        FetchReport report = world.fetcher().fetch("ONE");
        assertEquals(List.of("one"), report.accounts().stream().map(AccountResult::account).toList());
        assertTrue(report.ok());
    }

    @Test
    void starttlsIsRequiredNeverSkipped() throws Exception {
        MailAccount tls = world.account("tls", world.port(), MailWorld.PASSWORD, MailAccount.Security.STARTTLS);
        world.rule(tls).create();
        world.append("INBOX", TestMails.mail("Bill", "shop@example.com", "x", TestMails.pdf("bill.pdf")));

        FetchReport report = world.fetcher().fetch(null);

        String error = report.accounts().get(0).error();
        assertTrue(error.contains("STARTTLS"), error);
        assertEquals(List.of(), world.consumer.names(), "no login in plain text");
    }

    @Test
    void aMissingFolderFailsItsRuleAndTheNextRuleRuns() throws Exception {
        MailAccount account = world.account("home");
        MailRule missing = world.rule(account).with(r -> r.folder = "Invoices").create();
        MailRule next = world.rule(account).with(r -> r.order = 1).create();
        world.append("INBOX", TestMails.mail("Bill", "shop@example.com", "x", TestMails.pdf("bill.pdf")));

        FetchReport report = world.fetcher().fetch(null);

        String error = report.accounts().get(0).error();
        assertTrue(error.contains("The folder 'Invoices' does not exist; the account has [INBOX]"), error);
        assertEquals(List.of("bill.pdf"), world.consumer.names());
        List<RuleResult> rules = report.accounts().get(0).rules();
        assertEquals(List.of(missing.name(), next.name()), rules.stream().map(RuleResult::rule).toList());
        assertTrue(rules.get(0).lastError().startsWith("The folder 'Invoices' does not exist"), rules.get(0).lastError());
        assertEquals(new RuleResult(next.name(), 1, 1, 0, null), rules.get(1));
        assertFalse(report.ok());
    }

    @Test
    void sslChecksTheCertificateAndTheHostName() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Path pem = dir.resolve("server.pem");
        keytool("-genkeypair", "-alias", "mail", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "3", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "mail", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", pem.toString());
        System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_FILE_PROPERTY, keystore.toString());
        GreenMail secure = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS));
        try {
            secure.start();
            System.clearProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_FILE_PROPERTY);
            secure.setUser("bob@example.org", MailWorld.USER, MailWorld.PASSWORD);
            MailAccount ssl = world.account("ssl", secure.getImaps().getPort(), MailWorld.PASSWORD, MailAccount.Security.SSL);

            IllegalStateException untrusted = assertThrows(IllegalStateException.class, () -> world.fetcher().test(ssl));
            assertTrue(untrusted.getMessage().startsWith("TLS with 127.0.0.1:"), untrusted.getMessage());

            Fetcher trusting = new Fetcher(world.services(), new ImapSettings(Duration.ofSeconds(5), Duration.ofSeconds(10),
                    pem), world.staging, Limits.DEFAULT, Clock.systemUTC());
            assertTrue(trusting.test(ssl).contains("INBOX"));

            MailAccount byName = world.accounts.create(new MailAccount(null, "other-name", "localhost.localdomain.invalid",
                    secure.getImaps().getPort(), MailAccount.Security.SSL, "bob", MailWorld.PASSWORD, null));
            IllegalStateException unknown = assertThrows(IllegalStateException.class, () -> trusting.test(byName));
            assertTrue(unknown.getMessage().startsWith("Unknown host"), unknown.getMessage());
        } finally {
            System.clearProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_FILE_PROPERTY);
            secure.stop();
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }
}
