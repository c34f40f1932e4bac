package org.paperless.mail.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailFetcher.FetchReport;
import org.paperless.api.mail.ProcessedMail;
import org.paperless.api.mail.ProcessedMail.Status;
import org.paperless.api.tasks.TaskRecord;

import jakarta.mail.Flags;

/** Big, broken, foreign and hostile mails: each handled on its own, the fetcher goes on. */
class HostileMailTest {

    @TempDir
    Path dir;
    MailWorld world;
    MailAccount account;

    @BeforeEach
    void start() throws Exception {
        world = new MailWorld(dir);
        account = world.account("home");
        world.rule(account).create();
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    private ProcessedMail failed(String subject) {
        ProcessedMail record = world.record(subject).orElseThrow();
        assertEquals(Status.FAILED, record.status(), record.toString());
        return record;
    }

    @Test
    void aTwentyMegabyteAttachmentArrivesWhole() throws Exception {
        byte[] big = new byte[20 << 20];
        new Random(7).nextBytes(big);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
        world.append("INBOX", TestMails.mail("Scan", "scanner@example.com", "scan attached",
                new TestMails.Attachment("scan.pdf", big, "application/pdf", "attachment")));

        long started = System.nanoTime();
        FetchReport report = world.fetcher().fetch(null);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(report.ok(), report.toString());
        assertArrayEquals(big, world.consumer.stored().get(0).bytes());
        System.out.println("20 MB attachment fetched and consumed in " + millis + " ms");
    }

    @Test
    void aMalformedMailFailsAndTheOthersAreConsumed() throws Exception {
        world.append("INBOX", TestMails.mail("Before", "shop@example.com", "x", TestMails.pdf("before.pdf")));
        world.append("INBOX", TestMails.raw("From: broken@example.com\nSubject: No boundary\nMessage-ID: <broken1@example.com>\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"nowhere\"\n\nthere is no boundary line at all\n"));
        world.append("INBOX", TestMails.raw("From: broken@example.com\nSubject: Bad base64\nMessage-ID: <broken2@example.com>\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nx\n"
                + "--b\nContent-Type: application/pdf; name=\"x.pdf\"\nContent-Disposition: attachment; filename=\"x.pdf\"\n"
                + "Content-Transfer-Encoding: base64\n\n%%%% not base64 ####\n--b--\n"));
        world.append("INBOX", TestMails.mail("After", "shop@example.com", "x", TestMails.pdf("after.pdf")));

        FetchReport report = world.fetcher().fetch(null);

        assertEquals(List.of("before.pdf", "after.pdf"), world.consumer.names());
        assertEquals(2, report.accounts().get(0).failedMails());
        assertTrue(failed("No boundary").error().contains("cannot be read"), failed("No boundary").error());
        assertTrue(failed("Bad base64").error().contains("x.pdf"), failed("Bad base64").error());
        assertFalse(world.flags("INBOX").get("No boundary").contains(Flags.Flag.SEEN));
        List<TaskRecord> tasks = world.tasks.all();
        assertEquals(2, tasks.stream().filter(t -> !t.ok() && t.kind() == TaskRecord.Kind.CONSUME).count(), tasks.toString());

        world.fetcher().fetch(null);
        assertEquals(List.of("before.pdf", "after.pdf"), world.consumer.names(), "retried, failed again, nothing twice");
        assertEquals(2, world.processed.all().stream().filter(m -> m.status() == Status.FAILED).count());
    }

    @Test
    void nonAsciiSubjectAndFileNamesAreDecoded() throws Exception {
        world.append("INBOX", TestMails.mail("Rechnung März – Ωmega", "Jürgen Groß <j@example.com>", "x",
                TestMails.pdf("Überweisung € 2024.pdf")));
        String b64 = java.util.Base64.getMimeEncoder().encodeToString(TestMails.pdf("y", "word").bytes());
        world.append("INBOX", TestMails.raw("From: a@example.com\nSubject: =?UTF-8?Q?Caf=C3=A9_cr=C3=A8me?=\n"
                + "Message-ID: <enc@example.com>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n"
                + "--b\nContent-Type: text/plain\n\nx\n--b\nContent-Type: application/pdf\n"
                + "Content-Disposition: attachment; filename*=UTF-8''na%C3%AFve%20%E2%82%AC.pdf\n"
                + "Content-Transfer-Encoding: base64\n\n" + b64 + "\n"
                + "--b\nContent-Type: application/pdf; name=\"=?UTF-8?B?" + java.util.Base64.getEncoder()
                        .encodeToString("déjà vu.pdf".getBytes(StandardCharsets.UTF_8)) + "?=\"\n"
                + "Content-Transfer-Encoding: base64\n\n"
                + java.util.Base64.getMimeEncoder().encodeToString(TestMails.pdf("z", "other").bytes()) + "\n--b--\n"));
        world.rules.delete(world.rules.list().get(0).id());
        world.rule(account).with(r -> r.correspondentFrom = org.paperless.api.mail.MailRule.CorrespondentSource.NAME).create();

        world.fetcher().fetch(null);

        List<StoringConsumer.Stored> stored = world.consumer.stored();
        assertEquals(List.of("Überweisung € 2024.pdf", "naïve €.pdf", "déjà vu.pdf"), world.consumer.names());
        assertEquals("Rechnung März – Ωmega", stored.get(0).overrides().title());
        assertEquals("Café crème", stored.get(1).overrides().title());
        assertTrue(world.correspondents.containsKey("Jürgen Groß"), world.correspondents.toString());
    }

    @Test
    void aMailBombOfTenThousandNestedPartsIsRefusedAndTheFetcherLivesOn() throws Exception {
        StringBuilder bomb = new StringBuilder("From: bomb@example.com\nSubject: Nested bomb\nMessage-ID: <bomb1@example.com>\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n");
        int depth = 10_000;
        for (int i = 0; i < depth; i++) {
            bomb.append("--b").append(i).append("\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1).append("\"\n\n");
        }
        bomb.append("--b").append(depth).append("\nContent-Type: text/plain; name=\"deep.txt\"\n\ndeep\n--b").append(depth)
                .append("--\n");
        for (int i = depth - 1; i >= 0; i--) {
            bomb.append("--b").append(i).append("--\n");
        }
        StringBuilder wide = new StringBuilder("From: bomb@example.com\nSubject: Wide bomb\nMessage-ID: <bomb2@example.com>\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"w\"\n\n");
        for (int i = 0; i < 10_000; i++) {
            wide.append("--w\nContent-Type: text/plain; name=\"p").append(i).append(".txt\"\n\n").append(i).append('\n');
        }
        wide.append("--w--\n");
        long t0 = System.nanoTime();
        world.append("INBOX", TestMails.raw(bomb.toString()), TestMails.raw(wide.toString()),
                TestMails.mail("Fine", "shop@example.com", "x", TestMails.pdf("fine.pdf")));
        long t1 = System.nanoTime();

        FetchReport report = world.fetcher().fetch(null);
        System.out.println("bombs appended in " + (t1 - t0) / 1_000_000 + " ms, fetched in " + (System.nanoTime() - t1) / 1_000_000 + " ms");

        assertEquals(List.of("fine.pdf"), world.consumer.names());
        assertEquals(1, report.accounts().get(0).mailsConsumed());
        assertEquals(2, report.accounts().get(0).failedMails());
        assertTrue(failed("Nested bomb").error().contains("nested deeper than 20"), failed("Nested bomb").error());
        assertTrue(failed("Wide bomb").error().contains("more than 1,000 MIME parts"), failed("Wide bomb").error());
        assertTrue(Files.list(world.staging).findAny().isEmpty(), "nothing left in staging");

        world.append("INBOX", TestMails.mail("Later", "shop@example.com", "x", TestMails.pdf("later.pdf")));
        assertEquals(1, world.fetcher().fetch(null).accounts().get(0).mailsConsumed(), "the fetcher lives on");
    }

    @Test
    void aMailOrAttachmentPastTheLimitsIsRefusedWithTheReason() throws Exception {
        world.limits = new Limits(2L << 20, 512 << 10, 1000, 20, 200);
        byte[] large = new byte[1 << 20];
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, large, 0, 9);
        byte[] huge = new byte[3 << 20];
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 9);
        world.append("INBOX", TestMails.mail("Large part", "shop@example.com", "x",
                new TestMails.Attachment("large.pdf", large, "application/pdf", "attachment")),
                TestMails.mail("Huge mail", "shop@example.com", "x",
                        new TestMails.Attachment("huge.pdf", huge, "application/pdf", "attachment")));

        world.fetcher().fetch(null);

        assertEquals(List.of(), world.consumer.names());
        assertTrue(failed("Large part").error().contains("large.pdf is larger than the 524,288 bytes"),
                failed("Large part").error());
        assertTrue(failed("Huge mail").error().contains("than the 2,097,152 bytes a mail may have"), failed("Huge mail").error());
    }
}
