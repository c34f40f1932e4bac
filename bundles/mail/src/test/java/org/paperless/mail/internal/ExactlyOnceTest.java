package org.paperless.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.consumer.ConsumeOverrides;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailFetcher.FetchReport;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.ProcessedMail;
import org.paperless.api.mail.ProcessedMail.Status;

import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;

/** Each mail once: crashes, stops, renumbered folders, a server that goes away, refused documents. */
class ExactlyOnceTest {

    @TempDir
    Path dir;
    MailWorld world;
    MailAccount account;
    MailRule rule;

    @BeforeEach
    void start() throws Exception {
        world = new MailWorld(dir);
        account = world.account("home");
        rule = world.rule(account).create();
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    private boolean seen(String subject) throws Exception {
        return world.flags("INBOX").get(subject).contains(Flags.Flag.SEEN);
    }

    /** A record as a fetch that stopped at that point left it. */
    private ProcessedMail recordAs(String subject, long uid, Status status, Long... documents) throws Exception {
        ProcessedMail r = world.processed.begin(new ProcessedMail(null, account.id(), rule.id(), "INBOX",
                world.uidValidity("INBOX"), uid, null, subject, null, Status.PENDING, List.of(), null, null));
        for (Long d : documents) {
            world.processed.addDocument(r.id(), d);
        }
        world.processed.setStatus(r.id(), status, null);
        return r;
    }

    @Test
    void aMailStoredButNotActedOnOnlyGetsItsAction() throws Exception {
        StoringConsumer.Stored before = storeDirectly(TestMails.pdf("bill.pdf", "bill"));
        world.append("INBOX", TestMails.mail("Bill", "shop@example.com", "x", TestMails.pdf("bill.pdf", "bill")));
        recordAs("Bill", 1, Status.STORED, before.id());

        FetchReport report = world.fetcher().fetch(null);

        assertTrue(report.ok(), report.toString());
        assertEquals(1, world.consumer.stored().size(), "nothing consumed again");
        assertTrue(seen("Bill"));
        assertEquals(Status.DONE, world.record("Bill").orElseThrow().status());
        assertEquals(1, report.accounts().get(0).mailsConsumed());
    }

    @Test
    void aMailWhoseActionRanJustBeforeTheStopIsDoneThoughTheSearchNoLongerFindsIt() throws Exception {
        StoringConsumer.Stored before = storeDirectly(TestMails.pdf("bill.pdf", "bill"));
        world.append("INBOX", TestMails.mail("Bill", "shop@example.com", "x", TestMails.pdf("bill.pdf", "bill")));
        world.mark("INBOX", "Bill", Flags.Flag.SEEN);
        recordAs("Bill", 1, Status.STORED, before.id());

        FetchReport report = world.fetcher().fetch(null);

        assertTrue(report.ok(), report.toString());
        assertEquals(1, world.consumer.stored().size());
        assertEquals(Status.DONE, world.record("Bill").orElseThrow().status());
    }

    /** The unfinished records of the folder are asked for, not the newest records: a thousand newer ones hide nothing. */
    @Test
    void aStoredMailTheSearchNoLongerFindsIsFinishedHoweverManyRecordsCameAfterIt() throws Exception {
        StoringConsumer.Stored before = storeDirectly(TestMails.pdf("bill.pdf", "bill"));
        world.append("INBOX", TestMails.mail("Bill", "shop@example.com", "x", TestMails.pdf("bill.pdf", "bill")));
        world.mark("INBOX", "Bill", Flags.Flag.SEEN);
        recordAs("Bill", 1, Status.STORED, before.id());
        long validity = world.uidValidity("INBOX");
        for (long uid = 1000; uid <= 2000; uid++) {
            ProcessedMail newer = world.processed.begin(new ProcessedMail(null, account.id(), rule.id(), "INBOX", validity,
                    uid, null, "Newer " + uid, null, Status.PENDING, List.of(), null, null));
            world.processed.setStatus(newer.id(), Status.DONE, null);
        }
        assertFalse(world.processed.recent(1000).stream().anyMatch(m -> m.subject().equals("Bill")));

        FetchReport report = world.fetcher().fetch(null);

        assertTrue(report.ok(), report.toString());
        assertEquals(Status.DONE, world.record("Bill").orElseThrow().status());
        assertEquals(1, world.consumer.stored().size(), "nothing consumed again");
    }

    @Test
    void aPendingMailTheSearchNoLongerFindsGetsItsDocumentsWhileItIsStillThere() throws Exception {
        world.append("INBOX", TestMails.mail("Read meanwhile", "shop@example.com", "x", TestMails.pdf("one.pdf")));
        world.mark("INBOX", "Read meanwhile", Flags.Flag.SEEN); // the rule searches UNSEEN mails
        recordAs("Read meanwhile", 1, Status.PENDING);

        FetchReport report = world.fetcher().fetch(null);

        assertTrue(report.ok(), report.toString());
        assertEquals(List.of("one.pdf"), world.consumer.names());
        ProcessedMail record = world.record("Read meanwhile").orElseThrow();
        assertEquals(Status.DONE, record.status());
        assertEquals(List.of(1L), record.documentIds());
        assertEquals(1, report.accounts().get(0).rules().get(0).mailsConsumed());
    }

    @Test
    void aMailLeftPendingWithOneOfTwoAttachmentsStoredGetsTheOtherAndNotTheFirstTwice() throws Exception {
        // the first attachment was committed, then the fetch died before it could note it
        StoringConsumer.Stored first = storeDirectly(TestMails.pdf("one.pdf", "one"));
        world.append("INBOX", TestMails.mail("Two files", "shop@example.com", "x", TestMails.pdf("one.pdf", "one"),
                TestMails.pdf("two.pdf", "two")));
        recordAs("Two files", 1, Status.PENDING);

        FetchReport report = world.fetcher().fetch(null);

        assertTrue(report.ok(), report.toString());
        assertEquals(List.of("one.pdf", "two.pdf"), world.consumer.names());
        ProcessedMail record = world.record("Two files").orElseThrow();
        assertEquals(Status.DONE, record.status());
        assertEquals(List.of(first.id(), 2L), record.documentIds());
        assertTrue(seen("Two files"));
    }

    @Test
    void anAttachmentAlreadyStoredFromElsewhereIsSkippedAndTheMailStillCompletes() throws Exception {
        storeDirectly(TestMails.pdf("known.pdf", "known"));
        world.append("INBOX", TestMails.mail("Again", "shop@example.com", "x", TestMails.pdf("known.pdf", "known")));

        FetchReport report = world.fetcher().fetch(null);

        assertTrue(report.ok(), report.toString());
        assertEquals(1, world.consumer.stored().size());
        ProcessedMail record = world.record("Again").orElseThrow();
        assertEquals(Status.DONE, record.status());
        assertEquals(List.of(), record.documentIds(), "the duplicate is not this mail's document");
        assertTrue(seen("Again"));
    }

    @Test
    void aRefusedDocumentLeavesTheMailUntouchedAndItIsTriedAgain() throws Exception {
        world.append("INBOX", TestMails.mail("Mixed", "shop@example.com", "x", TestMails.pdf("good.pdf"),
                TestMails.pdf("bad.pdf")));
        world.consumer.refuse = name -> name.equals("bad.pdf");

        FetchReport first = world.fetcher().fetch(null);

        assertFalse(first.ok());
        assertEquals(1, first.accounts().get(0).failedMails());
        ProcessedMail failed = world.record("Mixed").orElseThrow();
        assertEquals(Status.FAILED, failed.status());
        assertTrue(failed.error().contains("bad.pdf: Refused by the test"), failed.error());
        assertEquals(List.of(1L), failed.documentIds());
        assertFalse(seen("Mixed"), "untouched on the server");

        world.consumer.refuse = name -> false;
        FetchReport second = world.fetcher().fetch(null);

        assertTrue(second.ok(), second.toString());
        assertEquals(List.of("good.pdf", "bad.pdf"), world.consumer.names(), "good.pdf not twice");
        assertEquals(Status.DONE, world.record("Mixed").orElseThrow().status());
        assertTrue(seen("Mixed"));
    }

    @Test
    void aRenumberedFolderIsRecognisedByMessageId() throws Exception {
        MimeMessage done = TestMails.mail("Done before", "shop@example.com", "x", TestMails.pdf("a.pdf"));
        MimeMessage stored = TestMails.mail("Stored before", "shop@example.com", "x", TestMails.pdf("b.pdf"));
        world.createFolder("Bills");
        world.rules.delete(rule.id());
        rule = world.rule(account).with(r -> r.folder = "Bills").create();
        world.append("Bills", done, stored);
        world.fetcher().fetch(null);
        assertEquals(2, world.consumer.stored().size());
        long before = world.uidValidity("Bills");
        // the second mail's action is as if it had not run: STORED
        ProcessedMail second = world.record("Stored before").orElseThrow();
        world.processed.setStatus(second.id(), Status.STORED, null);

        // the server renumbers: the folder is made anew with the same mails, unread
        Thread.sleep(1100); // GreenMail's UIDVALIDITY is the folder's creation second
        world.deleteFolder("Bills");
        world.createFolder("Bills");
        world.append("Bills", TestMails.raw(TestMails.bytes(done)), TestMails.raw(TestMails.bytes(stored)),
                TestMails.mail("New one", "shop@example.com", "x", TestMails.pdf("c.pdf")));
        long after = world.uidValidity("Bills");
        assertNotEquals(before, after);

        FetchReport report = world.fetcher().fetch(null);

        assertTrue(report.ok(), report.toString());
        assertEquals(List.of("a.pdf", "b.pdf", "c.pdf"), world.consumer.names(), "nothing twice");
        List<ProcessedMail> renumbered = world.processed.all().stream().filter(m -> m.uidValidity() == after).toList();
        assertEquals(3, renumbered.size());
        assertTrue(renumbered.stream().allMatch(m -> m.status() == Status.DONE), renumbered.toString());
        assertEquals(List.of(2L), world.record("Stored before").orElseThrow().documentIds());
        var flags = world.flags("Bills");
        assertFalse(flags.get("Done before").contains(Flags.Flag.SEEN), "its action had run: it is not run again");
        assertTrue(flags.get("Stored before").contains(Flags.Flag.SEEN), "its action was still to run");
        assertTrue(flags.get("New one").contains(Flags.Flag.SEEN));
    }

    @Test
    void theServerGoingAwayMidFetchLosesNothingAndTakesNothingTwice() throws Exception {
        try (Proxy proxy = new Proxy(world.port())) {
            MailAccount viaProxy = world.account("flaky", proxy.port(), MailWorld.PASSWORD, MailAccount.Security.NONE);
            world.rules.delete(rule.id());
            world.rule(viaProxy).create();
            byte[] big = new byte[3 << 20];
            new java.util.Random(1).nextBytes(big);
            System.arraycopy("%PDF-1.4\n".getBytes(), 0, big, 0, 9);
            world.append("INBOX", TestMails.mail("First", "shop@example.com", "x", TestMails.pdf("first.pdf")),
                    TestMails.mail("Big", "shop@example.com", "x",
                            new TestMails.Attachment("big.pdf", big, "application/pdf", "attachment")),
                    TestMails.mail("Last", "shop@example.com", "x", TestMails.pdf("last.pdf")));
            proxy.cutAfter(1 << 20); // in the middle of the big mail

            FetchReport broken = world.fetcher().fetch(null);

            assertTrue(proxy.isDown());
            assertFalse(broken.ok());
            assertNotNull(broken.accounts().get(0).error());
            assertEquals(List.of("first.pdf"), world.consumer.names());
            String away = world.fetcher().fetch(null).accounts().get(0).error();
            assertTrue(away.contains("127.0.0.1:" + proxy.port()), "while it is away, the fetch says so: " + away);

            proxy.comeBack();
            FetchReport report = world.fetcher().fetch(null);

            assertTrue(report.ok(), report.toString());
            assertEquals(List.of("first.pdf", "big.pdf", "last.pdf"), world.consumer.names());
            assertTrue(world.processed.all().stream().allMatch(m -> m.status() == Status.DONE));
            assertTrue(world.flags("INBOX").values().stream().allMatch(f -> f.contains(Flags.Flag.SEEN)));
            assertTrue(world.tasks.all().stream().anyMatch(t -> !t.ok() && t.name().equals("mail-fetch flaky")));
        }
    }

    @Test
    void aStopInTheMiddleOfAMailLeavesItPendingAndTheNextFetcherFinishesIt() throws Exception {
        world.append("INBOX", TestMails.mail("Two files", "shop@example.com", "x", TestMails.pdf("one.pdf"),
                TestMails.pdf("two.pdf")));
        Fetcher fetcher = world.fetcher();
        CountDownLatch second = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        world.consumer.before = file -> {
            if (file.getFileName().toString().equals("two.pdf")) {
                second.countDown();
                try {
                    never.await(); // the bundle stops while this document is being consumed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new org.paperless.api.consumer.ConsumptionException("interrupted; nothing stored", null, e);
                }
            }
        };
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread running = new Thread(() -> {
            try {
                fetcher.fetch(null);
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        running.start();
        assertTrue(second.await(20, TimeUnit.SECONDS));

        assertTrue(fetcher.stop(Duration.ofSeconds(10)), "the fetch ended in time");

        running.join(5000);
        assertTrue(outcome.get() instanceof InterruptedException, String.valueOf(outcome.get()));
        assertThrows(IllegalStateException.class, () -> fetcher.fetch(null), "a stopped fetcher takes no more work");
        ProcessedMail record = world.record("Two files").orElseThrow();
        assertEquals(Status.PENDING, record.status());
        assertEquals(List.of(1L), record.documentIds());
        assertFalse(seen("Two files"));
        assertTrue(Files.list(world.staging).findAny().isEmpty(), "the staging folder is cleaned");

        world.consumer.before = file -> { };
        FetchReport report = world.fetcher().fetch(null);
        assertTrue(report.ok(), report.toString());
        assertEquals(List.of("one.pdf", "two.pdf"), world.consumer.names());
        assertEquals(Status.DONE, world.record("Two files").orElseThrow().status());
        assertTrue(seen("Two files"));
    }

    @Test
    void manyMailsEachBecomeExactlyTheirDocumentsAcrossRepeatedInterruptions() throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            mails.add(TestMails.mail("Mail " + i, "shop@example.com", "x", TestMails.pdf("m" + i + ".pdf")));
        }
        world.append("INBOX", mails.toArray(MimeMessage[]::new));
        for (int round = 0; round < 3; round++) {
            Fetcher fetcher = world.fetcher();
            int stopAt = 5 + round * 7;
            CountDownLatch reached = new CountDownLatch(1);
            world.consumer.before = file -> {
                if (world.consumer.stored().size() >= stopAt) {
                    reached.countDown();
                }
            };
            Thread running = new Thread(() -> {
                try {
                    fetcher.fetch(null);
                } catch (InterruptedException e) {
                    // stopped
                }
            });
            running.start();
            reached.await(20, TimeUnit.SECONDS);
            fetcher.stop(Duration.ofSeconds(10));
            running.join(10_000);
        }
        world.consumer.before = file -> { };
        assertTrue(world.fetcher().fetch(null).ok());
        List<String> names = world.consumer.names();
        assertEquals(30, names.size());
        assertEquals(30, new HashSet<>(names).size(), "no document twice: " + names);
        assertTrue(world.processed.all().stream().allMatch(m -> m.status() == Status.DONE && m.documentIds().size() == 1),
                world.processed.all().toString());
    }

    @Test
    void documentsStoredOutOfOrderGiveAMailItsActionOnlyOnceAllOfItsDocumentsAreStored() throws Exception {
        world.consumer.sideBySide = true;
        world.append("INBOX", TestMails.mail("Two files", "shop@example.com", "x", TestMails.pdf("a1.pdf", "a1"),
                TestMails.pdf("a2.pdf", "a2")), TestMails.mail("One file", "shop@example.com", "x", TestMails.pdf("b.pdf", "b")));
        List<String> whileA2WasRead = new CopyOnWriteArrayList<>();
        world.consumer.before = file -> {
            if (file.getFileName().toString().equals("a2.pdf")) {
                // the next mail's document is stored first, while this one is still read
                long deadline = System.currentTimeMillis() + 20_000;
                while (!world.consumer.names().contains("b.pdf") && System.currentTimeMillis() < deadline) {
                    sleep(10);
                }
                try {
                    whileA2WasRead.add(world.record("Two files").orElseThrow().status() + " seen=" + seen("Two files")
                            + ", " + world.record("One file").orElseThrow().status() + " seen=" + seen("One file"));
                } catch (Exception e) {
                    whileA2WasRead.add(e.toString());
                }
            }
        };

        FetchReport report = world.fetcher().fetch(null);

        assertTrue(report.ok(), report.toString());
        List<String> names = world.consumer.names();
        assertTrue(names.indexOf("b.pdf") < names.indexOf("a2.pdf"), "stored out of order: " + names);
        assertEquals(List.of("PENDING seen=false, PENDING seen=false"), whileA2WasRead,
                "no mail acted on, or even STORED, before the documents before it were stored");
        assertEquals(Set.of(storedAs("a1.pdf"), storedAs("a2.pdf")),
                Set.copyOf(world.record("Two files").orElseThrow().documentIds()));
        assertEquals(List.of(storedAs("b.pdf")), world.record("One file").orElseThrow().documentIds());
        assertTrue(world.processed.all().stream().allMatch(m -> m.status() == Status.DONE));
        assertTrue(seen("Two files"));
        assertTrue(seen("One file"));
        assertEquals(2, report.accounts().get(0).mailsConsumed());
        assertTrue(Files.list(world.staging).findAny().isEmpty(), "the staging folder is cleaned");
    }

    private long storedAs(String name) {
        return world.consumer.stored().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().id();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private StoringConsumer.Stored storeDirectly(TestMails.Attachment file) throws Exception {
        Path p = Files.createDirectories(dir.resolve("elsewhere")).resolve(file.name());
        Files.write(p, file.bytes());
        world.consumer.consume(p, ConsumeOverrides.NONE);
        return world.consumer.stored().get(world.consumer.stored().size() - 1);
    }
}
