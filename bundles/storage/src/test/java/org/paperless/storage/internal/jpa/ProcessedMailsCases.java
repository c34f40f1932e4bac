package org.paperless.storage.internal.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperless.api.NotFoundException;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailOrigin;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.ProcessedMail;
import org.paperless.api.mail.ProcessedMail.Status;
import org.paperless.storage.internal.testsupport.Engine;

/** The record of fetched mails on a real database. */
abstract class ProcessedMailsCases extends MailStorageTestBase {

    private static final Instant RECEIVED = Instant.parse("2024-03-01T08:15:30.123Z");

    private MailAccount home;
    private MailRule bills;

    ProcessedMailsCases(Engine engine) {
        super(engine);
    }

    @BeforeEach
    void setUpAccount() {
        home = accounts.create(account("Home", "secret"));
        bills = rules.create(rule(home.id(), "Bills", 0, List.of()));
    }

    private ProcessedMail mail(String folder, long uidValidity, long uid, String messageId) {
        return new ProcessedMail(null, home.id(), bills.id(), folder, uidValidity, uid, messageId, "Invoice " + uid,
                RECEIVED, Status.PENDING, null, null, null);
    }

    @Test
    void beginRecordsAPendingMailOnceAndThenReturnsIt() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        ProcessedMail first = processed.begin(new ProcessedMail(null, home.id(), bills.id(), "INBOX", 7, 42,
                "<42@example.org>", "Invoice March", RECEIVED, Status.DONE, List.of(99L), "ignored", null));
        assertNotNull(first.id());
        assertEquals(new ProcessedMail(first.id(), home.id(), bills.id(), "INBOX", 7, 42, "<42@example.org>",
                "Invoice March", RECEIVED, Status.PENDING, List.of(), null, first.updatedAt()), first,
                "PENDING, no documents, no error, whatever was asked");
        assertTrue(first.updatedAt().isAfter(before), first.updatedAt()::toString);

        assertEquals(first, processed.begin(mail("INBOX", 7, 42, "<other@example.org>")), "the same UID again");
        assertEquals(Optional.of(first), processed.find(home.id(), "INBOX", 7, 42));
        assertNotEquals(first.id(), processed.begin(mail("INBOX", 7, 43, null)).id());
        assertNotEquals(first.id(), processed.begin(mail("INBOX", 8, 42, null)).id());
        assertNotEquals(first.id(), processed.begin(mail("Archive", 7, 42, null)).id());
        assertEquals(4, db.queryLong("SELECT COUNT(*) FROM processed_mail"));
        assertTrue(processed.find(home.id(), "INBOX", 9, 42).isEmpty());

        ProcessedMail noDate = processed.begin(new ProcessedMail(null, home.id(), bills.id(), "INBOX", 7, 44, null,
                "x".repeat(300), null, Status.PENDING, null, null, null));
        assertNull(noDate.received());
        assertEquals(256, noDate.subject().length());
        NotFoundException noAccount = assertThrows(NotFoundException.class, () -> processed.begin(
                new ProcessedMail(null, 4242, bills.id(), "INBOX", 1, 1, null, "", null, Status.PENDING, null, null, null)));
        assertEquals("No mail account with id 4242", noAccount.getMessage());
        assertThrows(IllegalArgumentException.class, () -> processed.begin(first));
    }

    @Test
    void forgottenRecordsGoWithTheirDocumentIdsAndTheMailIsNewAgain() throws Exception {
        ProcessedMail kept = processed.begin(mail("INBOX", 1, 1, null));
        ProcessedMail gone = processed.begin(mail("INBOX", 1, 2, null));
        processed.addDocument(gone.id(), 12);
        processed.setStatus(gone.id(), Status.DONE, null);
        assertEquals(java.util.Set.of(2L), processed.doneUids(home.id(), "INBOX", 1));

        assertEquals(1, processed.delete(List.of(gone.id(), 4242L)), "ids that are not there are left out");
        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM processed_mail_document"));
        assertEquals(java.util.Set.of(), processed.doneUids(home.id(), "INBOX", 1), "fetched again next time");
        assertEquals(List.of(kept.id()), processed.recent(10).stream().map(ProcessedMail::id).toList());
    }

    /** What the loser of a race sees: the winner's row is there by the time its own insert fails. */
    @Test
    void aLostRaceReturnsTheWinnersRow() throws Exception {
        ProcessedMail winner = processed.begin(mail("INBOX", 1, 5, "<5@example.org>"));
        ProcessedMail loser = processed.insertOrFind(mail("INBOX", 1, 5, "<5@example.org>"));
        assertEquals(winner, loser);
        assertEquals(1, db.queryLong("SELECT COUNT(*) FROM processed_mail"));
    }

    @Test
    void fetchesRacingForTheSameMailGetOneRow() throws Exception {
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (long uid = 1; uid <= 5; uid++) {
                long u = uid;
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<ProcessedMail>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return processed.begin(mail("INBOX", 1, u, null));
                    }));
                }
                Set<Long> ids = new HashSet<>();
                for (Future<ProcessedMail> result : results) {
                    ids.add(result.get().id());
                }
                assertEquals(1, ids.size(), "uid " + u + ": " + ids);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertEquals(5, db.queryLong("SELECT COUNT(*) FROM processed_mail"));
    }

    @Test
    void aDocumentIsAddedOnce() throws Exception {
        ProcessedMail mail = processed.begin(mail("INBOX", 1, 5, null));
        processed.addDocument(mail.id(), 12);
        processed.addDocument(mail.id(), 12);
        processed.addDocument(mail.id(), 3);
        assertEquals(List.of(3L, 12L), processed.find(home.id(), "INBOX", 1, 5).orElseThrow().documentIds());
        assertEquals(2, db.queryLong("SELECT COUNT(*) FROM processed_mail_document"));
        NotFoundException e = assertThrows(NotFoundException.class, () -> processed.addDocument(4242, 1));
        assertEquals("No processed mail with id 4242", e.getMessage());
    }

    @Test
    void theStatusAndErrorChangeAndTheTimeMovesOn() throws Exception {
        ProcessedMail mail = processed.begin(mail("INBOX", 1, 5, null));
        Thread.sleep(5);
        processed.setStatus(mail.id(), Status.FAILED, "bad\0 attachment " + "x".repeat(5000));
        ProcessedMail failed = processed.find(home.id(), "INBOX", 1, 5).orElseThrow();
        assertEquals(Status.FAILED, failed.status());
        assertEquals(4000, failed.error().length());
        assertTrue(failed.error().startsWith("bad\uFFFD attachment"), failed.error().substring(0, 20));
        assertTrue(failed.updatedAt().isAfter(mail.updatedAt()));

        processed.setStatus(mail.id(), Status.DONE, null);
        ProcessedMail done = processed.find(home.id(), "INBOX", 1, 5).orElseThrow();
        assertEquals(Status.DONE, done.status());
        assertNull(done.error());
        assertThrows(NotFoundException.class, () -> processed.setStatus(4242, Status.DONE, null));
    }

    @Test
    void doneUidsAreThoseOfOneFolderAndUidValidityThatNeedNothingMore() {
        for (long uid = 1; uid <= 4; uid++) {
            processed.begin(mail("INBOX", 7, uid, null));
        }
        processed.setStatus(processed.find(home.id(), "INBOX", 7, 1).orElseThrow().id(), Status.DONE, null);
        processed.setStatus(processed.find(home.id(), "INBOX", 7, 2).orElseThrow().id(), Status.STORED, null);
        processed.setStatus(processed.find(home.id(), "INBOX", 7, 3).orElseThrow().id(), Status.FAILED, "no");
        processed.setStatus(processed.find(home.id(), "INBOX", 7, 4).orElseThrow().id(), Status.DONE, null);
        processed.setStatus(processed.begin(mail("INBOX", 6, 9, null)).id(), Status.DONE, null);
        processed.setStatus(processed.begin(mail("Archive", 7, 8, null)).id(), Status.DONE, null);

        assertEquals(Set.of(1L, 4L), processed.doneUids(home.id(), "INBOX", 7));
        assertEquals(Set.of(9L), processed.doneUids(home.id(), "INBOX", 6));
        assertEquals(Set.of(), processed.doneUids(home.id(), "Sent", 7));
    }

    /** Found by folder, not by recency: an old PENDING mail behind a thousand newer records is still there. */
    @Test
    void unfinishedAreTheRecordsOfOneFolderThatAreNotDoneHoweverOld() throws Exception {
        ProcessedMail pending = processed.begin(mail("INBOX", 7, 1, null));
        ProcessedMail stored = processed.begin(mail("INBOX", 7, 2, null));
        processed.setStatus(stored.id(), Status.STORED, null);
        ProcessedMail failed = processed.begin(mail("INBOX", 6, 3, null));
        processed.fail(failed.id(), "refused");
        processed.setStatus(processed.begin(mail("INBOX", 7, 4, null)).id(), Status.DONE, null);
        processed.begin(mail("Archive", 7, 5, null));
        MailAccount work = accounts.create(account("Work", "secret"));
        processed.begin(new ProcessedMail(null, work.id(), bills.id(), "INBOX", 7, 1, null, "", null, Status.PENDING,
                null, null, null));
        String[] newer = new String[1001];
        for (int i = 0; i < newer.length; i++) {
            newer[i] = "INSERT INTO processed_mail (account_id, rule_id, folder, uid_validity, uid, subject, status, "
                    + "updated_at, attempts) VALUES (" + home.id() + ", " + bills.id() + ", 'INBOX', 7, " + (100 + i)
                    + ", 'newer', 'DONE', CURRENT_TIMESTAMP, 0)";
        }
        db.execute(newer);

        List<ProcessedMail> unfinished = processed.unfinished(home.id(), "INBOX");

        assertEquals(List.of(pending.id(), stored.id(), failed.id()), unfinished.stream().map(ProcessedMail::id).toList(),
                "oldest first, every UIDVALIDITY");
        assertEquals(List.of(Status.PENDING, Status.STORED, Status.FAILED),
                unfinished.stream().map(ProcessedMail::status).toList());
        assertEquals(1, unfinished.get(2).attempts());
        assertEquals(1, processed.unfinished(home.id(), "Archive").size());
        assertEquals(List.of(), processed.unfinished(home.id(), "Sent"));
        assertFalse(processed.recent(1000).stream().anyMatch(m -> m.id().equals(pending.id())),
                "recent records alone would not find it");
    }

    @Test
    void eachFailureCountsAnAttemptUntilTheAccountsFailedMailsAreRetried() {
        ProcessedMail mail = processed.begin(mail("INBOX", 1, 5, null));
        assertEquals(0, mail.attempts());
        assertEquals(1, processed.fail(mail.id(), "refused once"));
        assertEquals(2, processed.fail(mail.id(), "refused " + "x".repeat(5000)));
        ProcessedMail failed = processed.find(home.id(), "INBOX", 1, 5).orElseThrow();
        assertEquals(Status.FAILED, failed.status());
        assertEquals(2, failed.attempts());
        assertEquals(4000, failed.error().length());
        processed.setStatus(mail.id(), Status.FAILED, "set again");
        assertEquals(2, processed.find(home.id(), "INBOX", 1, 5).orElseThrow().attempts(), "setStatus keeps them");

        ProcessedMail stored = processed.begin(mail("INBOX", 1, 6, null));
        processed.fail(stored.id(), "once");
        processed.setStatus(stored.id(), Status.STORED, null);
        MailAccount work = accounts.create(account("Work", "secret"));
        ProcessedMail elsewhere = processed.begin(new ProcessedMail(null, work.id(), bills.id(), "INBOX", 1, 5, null, "",
                null, Status.PENDING, null, null, null));
        processed.fail(elsewhere.id(), "other account");

        assertEquals(1, processed.retryFailed(home.id()), "the FAILED mails of that account");
        ProcessedMail retried = processed.find(home.id(), "INBOX", 1, 5).orElseThrow();
        assertEquals(0, retried.attempts());
        assertEquals(Status.FAILED, retried.status(), "still to be tried");
        assertEquals("set again", retried.error(), "the last reason stays until it is tried");
        assertEquals(1, processed.find(home.id(), "INBOX", 1, 6).orElseThrow().attempts(), "not FAILED: untouched");
        assertEquals(1, processed.find(work.id(), "INBOX", 1, 5).orElseThrow().attempts(), "another account's: untouched");
        assertEquals(0, processed.retryFailed(4242));
        assertThrows(NotFoundException.class, () -> processed.fail(4242, "no such mail"));
    }

    @Test
    void aMailIsFoundAgainByMessageIdAfterTheUidValidityChanged() {
        ProcessedMail before = processed.begin(mail("INBOX", 1, 5, "<same@example.org>"));
        ProcessedMail after = processed.begin(mail("INBOX", 2, 1, "<same@example.org>"));
        processed.begin(mail("Archive", 3, 1, "<same@example.org>"));
        processed.begin(mail("INBOX", 2, 2, "<other@example.org>"));

        assertEquals(Optional.of(after), processed.findByMessageId(home.id(), "INBOX", "<same@example.org>"));
        assertNotEquals(before.id(), after.id());
        assertTrue(processed.findByMessageId(home.id(), "Sent", "<same@example.org>").isEmpty());
        assertTrue(processed.findByMessageId(home.id(), "INBOX", "<unknown@example.org>").isEmpty());
        assertTrue(processed.findByMessageId(home.id(), "INBOX", null).isEmpty());

        String overlong = "<" + "m".repeat(1200) + "@example.org>";
        ProcessedMail cut = processed.begin(mail("INBOX", 2, 3, overlong));
        assertEquals(998, cut.messageId().length());
        assertEquals(Optional.of(cut), processed.findByMessageId(home.id(), "INBOX", overlong));
    }

    @Test
    void theOriginOfADocumentNamesAccountAndRuleEvenWhenTheRuleIsGone() {
        ProcessedMail mail = processed.begin(new ProcessedMail(null, home.id(), bills.id(), "INBOX", 1, 5,
                "<5@example.org>", "Invoice March", RECEIVED, Status.PENDING, null, null, null));
        processed.addDocument(mail.id(), 31);
        processed.addDocument(mail.id(), 32);

        MailOrigin origin = new MailOrigin("Home", "Bills", "<5@example.org>", "Invoice March", RECEIVED);
        assertEquals(Optional.of(origin), processed.originOf(31));
        assertEquals(Optional.of(origin), processed.originOf(32));
        assertTrue(processed.originOf(33).isEmpty());

        rules.delete(bills.id());
        assertEquals(Optional.of(new MailOrigin("Home", ProcessedMailsComponent.DELETED_RULE, "<5@example.org>",
                "Invoice March", RECEIVED)), processed.originOf(31));
        assertEquals(bills.id(), processed.find(home.id(), "INBOX", 1, 5).orElseThrow().ruleId(), "the record stays");
    }

    @Test
    void recentListsTheLastChangedFirst() throws Exception {
        ProcessedMail a = processed.begin(mail("INBOX", 1, 1, null));
        Thread.sleep(5);
        ProcessedMail b = processed.begin(mail("INBOX", 1, 2, null));
        Thread.sleep(5);
        processed.setStatus(a.id(), Status.DONE, null);

        assertEquals(List.of(a.id(), b.id()), processed.recent(10).stream().map(ProcessedMail::id).toList());
        assertEquals(List.of(a.id()), processed.recent(1).stream().map(ProcessedMail::id).toList());
        assertThrows(IllegalArgumentException.class, () -> processed.recent(0));
        assertFalse(processed.recent(10).isEmpty());
    }
}
