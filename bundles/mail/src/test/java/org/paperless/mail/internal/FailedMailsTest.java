package org.paperless.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailFetcher.FetchReport;
import org.paperless.api.mail.MailFetcher.RuleResult;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.ProcessedMail;
import org.paperless.api.mail.ProcessedMail.Status;
import org.paperless.api.tasks.TaskRecord;

import jakarta.mail.Flags;

/** A mail that keeps failing is tried a few times, then left alone until its account's failed mails are retried. */
class FailedMailsTest {

    @TempDir
    Path dir;
    MailWorld world;
    MailAccount account;
    MailRule rule;
    /** How many times the consumer was handed bad.pdf (or big.pdf). */
    final AtomicInteger tries = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        world = new MailWorld(dir);
        account = world.account("home");
        rule = world.rule(account).create();
        world.consumer.before = file -> {
            String name = file.getFileName().toString();
            if (name.equals("bad.pdf") || name.equals("big.pdf")) {
                tries.incrementAndGet();
            }
        };
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    private ProcessedMail record(String subject) {
        return world.record(subject).orElseThrow();
    }

    private List<TaskRecord> givenUpTasks() {
        return world.tasks.all().stream().filter(t -> !t.ok() && t.message().startsWith("Given up")).toList();
    }

    @Test
    void aMailThatAlwaysFailsIsTriedFiveTimesThenLeftAloneUntilItsFailedMailsAreRetried() throws Exception {
        world.append("INBOX", TestMails.mail("Refused", "shop@example.com", "x", TestMails.pdf("bad.pdf")),
                TestMails.mail("Fine", "shop@example.com", "x", TestMails.pdf("good.pdf")));
        world.consumer.refuse = name -> name.equals("bad.pdf");

        for (int attempt = 1; attempt <= MailHandler.MAX_ATTEMPTS; attempt++) {
            FetchReport report = world.fetcher().fetch(null);

            assertFalse(report.ok(), "attempt " + attempt);
            RuleResult result = report.accounts().get(0).rules().get(0);
            assertEquals(1, result.failedMails());
            assertTrue(result.lastError().contains("'Refused'") && result.lastError().contains("bad.pdf: Refused by the test"),
                    result.lastError());
            assertEquals(attempt == 1 ? 1 : 0, result.mailsConsumed(), "Fine is taken at the first fetch");
            assertEquals(attempt, record("Refused").attempts());
            assertEquals(Status.FAILED, record("Refused").status());
            assertEquals(attempt < MailHandler.MAX_ATTEMPTS ? 0 : 1, givenUpTasks().size(), "attempt " + attempt);
        }
        assertEquals(MailHandler.MAX_ATTEMPTS, tries.get());
        TaskRecord givenUp = givenUpTasks().get(0);
        assertTrue(givenUp.message().contains("Given up after 5 failed attempts: bad.pdf: Refused by the test"),
                givenUp.message());
        assertTrue(givenUp.message().contains("paperless:mail-fetch --retry-failed --account home"), givenUp.message());

        for (int later = 0; later < 3; later++) {
            FetchReport report = world.fetcher().fetch(null);

            assertTrue(report.ok(), report.toString());
            assertEquals(new RuleResult(rule.name(), 0, 0, 0, null), report.accounts().get(0).rules().get(0));
        }
        assertEquals(MailHandler.MAX_ATTEMPTS, tries.get(), "left alone");
        assertEquals(MailHandler.MAX_ATTEMPTS, record("Refused").attempts());
        assertEquals(1, givenUpTasks().size(), "said once");
        assertFalse(world.flags("INBOX").get("Refused").contains(Flags.Flag.SEEN), "untouched on the server");

        assertEquals(1, world.processed.retryFailed(account.id()));
        world.consumer.refuse = name -> false;
        FetchReport retried = world.fetcher().fetch(null);

        assertTrue(retried.ok(), retried.toString());
        assertEquals(MailHandler.MAX_ATTEMPTS + 1, tries.get());
        assertEquals(Status.DONE, record("Refused").status());
        assertEquals(1, retried.accounts().get(0).rules().get(0).mailsConsumed());
        assertTrue(world.flags("INBOX").get("Refused").contains(Flags.Flag.SEEN));
        assertEquals(List.of("good.pdf", "bad.pdf"), world.consumer.names());
    }

    @Test
    void aRetriedMailThatStillFailsGetsItsAttemptsAgain() throws Exception {
        world.append("INBOX", TestMails.mail("Refused", "shop@example.com", "x", TestMails.pdf("bad.pdf")));
        world.consumer.refuse = name -> name.equals("bad.pdf");
        for (int attempt = 1; attempt <= MailHandler.MAX_ATTEMPTS + 1; attempt++) {
            world.fetcher().fetch(null);
        }
        world.processed.retryFailed(account.id());

        for (int attempt = 1; attempt <= MailHandler.MAX_ATTEMPTS + 1; attempt++) {
            world.fetcher().fetch(null);
        }

        assertEquals(2 * MailHandler.MAX_ATTEMPTS, tries.get());
        assertEquals(2, givenUpTasks().size());
    }

    /** The server going away mid-mail is not the mail's fault: the attempts stay as they were. */
    @Test
    void aLostConnectionIsNoAttempt() throws Exception {
        try (Proxy proxy = new Proxy(world.port())) {
            MailAccount viaProxy = world.account("flaky", proxy.port(), MailWorld.PASSWORD, MailAccount.Security.NONE);
            world.rules.delete(rule.id());
            world.rule(viaProxy).create();
            byte[] big = new byte[3 << 20];
            new Random(1).nextBytes(big);
            System.arraycopy("%PDF-1.4\n".getBytes(), 0, big, 0, 9);
            world.append("INBOX", TestMails.mail("Big", "shop@example.com", "x",
                    new TestMails.Attachment("big.pdf", big, "application/pdf", "attachment")));
            world.consumer.refuse = name -> name.equals("big.pdf");
            int before = MailHandler.MAX_ATTEMPTS - 1;
            for (int attempt = 1; attempt <= before; attempt++) {
                world.fetcher().fetch(null);
            }
            assertEquals(before, record("Big").attempts());

            proxy.cutAfter(1 << 20); // in the middle of the mail
            FetchReport broken = world.fetcher().fetch(null);
            FetchReport away = world.fetcher().fetch(null);

            assertTrue(proxy.isDown());
            assertNotNull(broken.accounts().get(0).error());
            assertNotNull(away.accounts().get(0).error());
            assertFalse(away.ok());
            assertEquals(before, tries.get(), "the consumer never got it");
            assertEquals(before, record("Big").attempts());
            assertEquals(Status.FAILED, record("Big").status());
            assertTrue(givenUpTasks().isEmpty());

            proxy.comeBack();
            world.consumer.refuse = name -> false;
            FetchReport back = world.fetcher().fetch(null);

            assertTrue(back.ok(), back.toString());
            assertEquals(Status.DONE, record("Big").status());
        }
    }
}
