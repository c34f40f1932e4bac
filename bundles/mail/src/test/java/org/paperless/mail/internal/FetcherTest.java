package org.paperless.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailFetcher.FetchReport;
import org.paperless.api.mail.ProcessedMail;

import jakarta.mail.Flags;

/** The basic path against a real IMAP server: attachments in, mail marked read, each mail once. */
class FetcherTest {

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
    void consumesAttachmentsThenMarksReadAndTakesEachMailOnce() throws Exception {
        MailAccount account = world.account("home");
        world.rule(account).create();
        world.append("INBOX", TestMails.mail("Invoice March", "shop@example.com", "see attached",
                TestMails.pdf("invoice.pdf"), TestMails.pdf("terms.pdf")));
        world.append("INBOX", TestMails.mail("Hello", "friend@example.com", "no attachment"));

        FetchReport report = world.fetcher().fetch(null);

        assertTrue(report.ok(), report.toString());
        assertEquals(1, report.accounts().get(0).mailsConsumed());
        assertEquals(2, report.accounts().get(0).documents());
        assertEquals(List.of("invoice.pdf", "terms.pdf"), world.consumer.names());
        assertTrue(world.flags("INBOX").get("Invoice March").contains(Flags.Flag.SEEN));
        assertFalse(world.flags("INBOX").get("Hello").contains(Flags.Flag.SEEN), "a mail with nothing to consume stays as it is");
        ProcessedMail record = world.record("Invoice March").orElseThrow();
        assertEquals(ProcessedMail.Status.DONE, record.status());
        assertEquals(List.of(1L, 2L), record.documentIds());
        assertTrue(world.record("Hello").isEmpty(), "a mail with nothing to consume is not recorded");
        assertNull(record.error());

        FetchReport again = world.fetcher().fetch(null);
        assertEquals(0, again.accounts().get(0).documents());
        assertEquals(2, world.consumer.stored().size());
        assertEquals("Invoice March", world.consumer.stored().get(0).overrides().title());
    }

    @ParameterizedTest
    @EnumSource(MailRule.Action.class)
    void eachActionRunsOnceTheDocumentsAreStored(MailRule.Action action) throws Exception {
        MailAccount account = world.account("home");
        world.createFolder("Archive");
        String parameter = switch (action) {
            case MOVE -> "Archive";
            case KEYWORD -> "paperless";
            default -> null;
        };
        world.rule(account).action(action, parameter).create();
        world.append("INBOX", TestMails.mail("Bill", "shop@example.com", "attached", TestMails.pdf("bill.pdf")));

        FetchReport report = world.fetcher().fetch(null);

        assertTrue(report.ok(), report.toString());
        assertEquals(1, world.consumer.stored().size());
        switch (action) {
            case MARK_READ -> assertTrue(world.flags("INBOX").get("Bill").contains(Flags.Flag.SEEN));
            case FLAG -> {
                assertTrue(world.flags("INBOX").get("Bill").contains(Flags.Flag.FLAGGED));
                assertFalse(world.flags("INBOX").get("Bill").contains(Flags.Flag.SEEN), "reading does not mark read");
            }
            case KEYWORD -> assertTrue(world.flags("INBOX").get("Bill").contains("paperless"));
            case MOVE -> {
                assertEquals(List.of(), world.subjects("INBOX"));
                assertEquals(List.of("Bill"), world.subjects("Archive"));
            }
            case DELETE -> assertEquals(List.of(), world.subjects("INBOX"));
        }
        assertEquals(ProcessedMail.Status.DONE, world.record("Bill").orElseThrow().status());

        // the action took the mail out of the rule's search; a new mail comes in, the old one is not taken again
        world.append("INBOX", TestMails.mail("Bill 2", "shop@example.com", "attached", TestMails.pdf("bill2.pdf")));
        world.fetcher().fetch(null);
        assertEquals(List.of("bill.pdf", "bill2.pdf"), world.consumer.names());
    }

    @Test
    void aMoveToAFolderThatDoesNotExistFailsTheRuleBeforeAnythingIsConsumed() throws Exception {
        MailAccount account = world.account("home");
        world.rule(account).action(MailRule.Action.MOVE, "Nowhere").create();
        world.append("INBOX", TestMails.mail("Bill", "shop@example.com", "attached", TestMails.pdf("bill.pdf")));

        FetchReport report = world.fetcher().fetch(null);

        assertFalse(report.ok());
        String error = report.accounts().get(0).error();
        assertTrue(error.contains("'Nowhere'") && error.contains("does not exist"), error);
        assertEquals(List.of(), world.consumer.names());
        assertEquals(List.of("Bill"), world.subjects("INBOX"));
    }

    @Test
    void aSecondFetchWhileOneRunsIsRefused() throws Exception {
        MailAccount account = world.account("home");
        world.rule(account).create();
        world.append("INBOX", TestMails.mail("Bill", "shop@example.com", "attached", TestMails.pdf("bill.pdf")));
        Fetcher fetcher = world.fetcher();
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        world.consumer.before = file -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread first = new Thread(() -> {
            try {
                fetcher.fetch(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        first.start();
        assertTrue(inside.await(20, java.util.concurrent.TimeUnit.SECONDS));

        IllegalStateException busy = assertThrows(IllegalStateException.class, () -> fetcher.fetch(null));
        assertEquals("A mail fetch is already running", busy.getMessage());

        release.countDown();
        first.join(20_000);
        assertEquals(1, world.consumer.stored().size());
        assertTrue(fetcher.fetch(null).ok(), "the next fetch runs");
    }

    @Test
    void testListsTheFoldersOrSaysWhyNot() throws Exception {
        world.createFolder("Archive");
        world.createFolder("Archive/2024");
        MailAccount account = world.account("home");
        List<String> folders = world.fetcher().test(account);
        assertTrue(folders.containsAll(List.of("INBOX", "Archive", "Archive/2024")) || folders.containsAll(
                List.of("INBOX", "Archive", "Archive.2024")), folders.toString());

        MailAccount wrong = world.account("wrong", world.port(), "not-the-password", MailAccount.Security.NONE);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> world.fetcher().test(wrong));
        assertTrue(e.getMessage().contains("Login as 'bob'"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-password"));
    }
}
