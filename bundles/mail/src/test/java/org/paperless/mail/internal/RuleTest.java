package org.paperless.mail.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.consumer.ConsumeOverrides;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailRule;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** What a rule takes from which mail, and what it assigns. */
class RuleTest {

    @TempDir
    Path dir;
    MailWorld world;
    MailAccount account;

    @BeforeEach
    void start() throws Exception {
        world = new MailWorld(dir);
        account = world.account("home");
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    private void threeMails() throws Exception {
        world.append("INBOX",
                TestMails.mail("Invoice 1001", "Alice Shop <alice@shop.example>", "bob@example.org", "Total due: 12 EUR",
                        TestMails.pdf("a.pdf")),
                TestMails.mail("Newsletter", "news@letters.example", "list@letters.example", "Nothing due here",
                        TestMails.pdf("b.pdf")),
                TestMails.mail("Receipt", "Carol <carol@bank.example>", "bob@example.org, Dave <dave@example.org>",
                        "Paid in full", TestMails.pdf("c.pdf")));
    }

    @Test
    void fromFilterIsTextContainedInNameOrAddressIgnoringCase() throws Exception {
        threeMails();
        world.rule(account).with(r -> r.from = "ALICE").create();
        world.fetcher().fetch(null);
        assertEquals(List.of("a.pdf"), world.consumer.names());
    }

    @Test
    void toFilterMatchesAnyRecipient() throws Exception {
        threeMails();
        world.rule(account).with(r -> r.to = "dave@").create();
        world.fetcher().fetch(null);
        assertEquals(List.of("c.pdf"), world.consumer.names());
    }

    @Test
    void subjectFilter() throws Exception {
        threeMails();
        world.rule(account).with(r -> r.subject = "invoice").create();
        world.fetcher().fetch(null);
        assertEquals(List.of("a.pdf"), world.consumer.names());
    }

    @Test
    void bodyFilterIsSearchedOnTheServer() throws Exception {
        threeMails();
        world.rule(account).with(r -> r.body = "paid in").create();
        world.fetcher().fetch(null);
        assertEquals(List.of("c.pdf"), world.consumer.names());
        assertEquals(List.of(false, false, true), world.flags("INBOX").values().stream()
                .map(f -> f.contains(jakarta.mail.Flags.Flag.SEEN)).toList(), "only the consumed mail is marked read");
    }

    @Test
    void aBodyFilterBeyondAsciiIsSearchedInTheAccountsCharacterSet() throws Exception {
        world.append("INBOX", TestMails.mail("German", "shop@example.com", "Viele Grüße aus Köln", TestMails.pdf("de.pdf")),
                TestMails.mail("English", "shop@example.com", "Kind regards", TestMails.pdf("en.pdf")));
        world.rule(account).with(r -> r.body = "grüße").create();
        world.fetcher().fetch(null);
        assertEquals(List.of("de.pdf"), world.consumer.names());
    }

    @Test
    void maximumAgeLeavesOlderMailsAlone() throws Exception {
        MimeMessage old = TestMails.mail("Old bill", "shop@example.com", "attached", TestMails.pdf("old.pdf"));
        MimeMessage recent = TestMails.mail("New bill", "shop@example.com", "attached", TestMails.pdf("new.pdf"));
        world.append("INBOX", received(old, new Date(System.currentTimeMillis() - 40L * 24 * 3600 * 1000)), recent);
        world.rule(account).with(r -> r.maxAge = 30).create();
        world.fetcher().fetch(null);
        assertEquals(List.of("new.pdf"), world.consumer.names());
    }

    /** A mail whose server-side received date (APPEND's INTERNALDATE) is the given one. */
    private static MimeMessage received(MimeMessage message, Date date) throws Exception {
        byte[] bytes = TestMails.bytes(message);
        return new MimeMessage(TestMails.SESSION, new java.io.ByteArrayInputStream(bytes)) {
            @Override
            public Date getReceivedDate() {
                return date;
            }
        };
    }

    @Test
    void attachmentNameGlobsMatchTheWholeNameIgnoringCase() throws Exception {
        world.append("INBOX", TestMails.mail("Docs", "shop@example.com", "attached", TestMails.pdf("Invoice-7.PDF"),
                TestMails.pdf("invoice-7-terms.pdf"), TestMails.pdf("flyer.pdf"), TestMails.text("notes.txt", "hello")));
        world.rule(account).with(r -> {
            r.include = "invoice*.pdf, *.txt";
            r.exclude = "*terms*";
        }).create();
        world.fetcher().fetch(null);
        assertEquals(List.of("Invoice-7.PDF", "notes.txt"), world.consumer.names());
    }

    @Test
    void inlinePartsCountOnlyWhenTheRuleTakesEverything() throws Exception {
        world.append("INBOX", TestMails.raw(withLogo("With logo", "<logo1@example.com>")));
        world.rule(account).create();
        world.fetcher().fetch(null);
        assertEquals(List.of("bill.pdf", "bare.pdf"), world.consumer.names(),
                "attachments, and a named part without disposition; not the inline logo");

        world.append("INBOX", TestMails.raw(withLogo("With logo 2", "<logo2@example.com>")));
        world.rules.create(new MailRule(null, account.id(), "everything", -1, true, "INBOX", null, null, "logo 2", null,
                "*.png", null, 0, MailRule.AttachmentType.EVERYTHING, MailRule.Scope.ATTACHMENTS, null, null, null, null,
                null, MailRule.Action.FLAG, null, false));
        world.fetcher().fetch(null);
        assertEquals(List.of("bill.pdf", "bare.pdf", "logo.png"), world.consumer.names(),
                "the inline logo, taken by the first rule; the second rule leaves the first rule's mail alone");
    }

    private static String withLogo(String subject, String messageId) {
        java.util.Base64.Encoder b64 = java.util.Base64.getMimeEncoder();
        return "From: shop@example.com\nTo: bob@example.org\nSubject: " + subject + "\nMessage-ID: " + messageId
                + "\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n"
                + "--b1\nContent-Type: text/plain\n\nattached\n"
                + "--b1\nContent-Type: application/pdf; name=\"bill.pdf\"\nContent-Disposition: attachment; filename=\"bill.pdf\"\n"
                + "Content-Transfer-Encoding: base64\n\n" + b64.encodeToString(TestMails.pdf("bill", "bill " + subject).bytes()) + "\n"
                + "--b1\nContent-Type: image/png; name=\"logo.png\"\nContent-Disposition: inline; filename=\"logo.png\"\n"
                + "Content-Transfer-Encoding: base64\n\n" + b64.encodeToString(png()) + "\n"
                + "--b1\nContent-Type: application/octet-stream; name=\"bare.pdf\"\nContent-Transfer-Encoding: base64\n\n"
                + b64.encodeToString(TestMails.pdf("bare", "bare " + subject).bytes()) + "\n--b1--\n";
    }

    @Test
    void anAttachmentNoParserReadsIsLeftOutAndTheMailIsNotTouchedWhenNothingIsLeft() throws Exception {
        TestMails.Attachment zip = new TestMails.Attachment("data.zip", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 1},
                "application/zip", Part.ATTACHMENT);
        world.append("INBOX", TestMails.mail("Zip only", "shop@example.com", "attached", zip));
        world.append("INBOX", TestMails.mail("Zip and pdf", "shop@example.com", "attached", zip, TestMails.pdf("p.pdf")));
        world.rule(account).create();
        world.fetcher().fetch(null);
        assertEquals(List.of("p.pdf"), world.consumer.names());
        Map<String, jakarta.mail.Flags> flags = world.flags("INBOX");
        assertTrue(!flags.get("Zip only").contains(jakarta.mail.Flags.Flag.SEEN) && world.record("Zip only").isEmpty());
        assertTrue(flags.get("Zip and pdf").contains(jakarta.mail.Flags.Flag.SEEN));
    }

    @Test
    void scopeEmlConsumesTheWholeMailAsTheServerKeepsIt() throws Exception {
        MimeMessage mail = TestMails.mail("Contract: draft/2", "shop@example.com", "attached", TestMails.pdf("c.pdf"));
        world.append("INBOX", mail);
        world.rule(account).with(r -> r.scope = MailRule.Scope.EML).create();
        world.fetcher().fetch(null);
        List<StoringConsumer.Stored> stored = world.consumer.stored();
        assertEquals(1, stored.size());
        assertEquals("Contract_ draft_2.eml", stored.get(0).name());
        assertArrayEquals(world.raw("INBOX", "Contract: draft/2"), stored.get(0).bytes());
    }

    @Test
    void scopeEverythingConsumesTheMailThenItsAttachments() throws Exception {
        world.append("INBOX", TestMails.mail("Both", "shop@example.com", "attached", TestMails.pdf("c.pdf")));
        world.append("INBOX", TestMails.mail("No attachment", "shop@example.com", "just text"));
        world.rule(account).with(r -> r.scope = MailRule.Scope.EVERYTHING).create();
        world.fetcher().fetch(null);
        assertEquals(List.of("Both.eml", "c.pdf", "No attachment.eml"), world.consumer.names());
    }

    @Test
    void titleFromSubjectFileNameOrNothing() throws Exception {
        world.append("INBOX", TestMails.mail("Subject A", "shop@example.com", "x", TestMails.pdf("file-a.pdf")),
                TestMails.mail("Subject B", "shop@example.com", "x", TestMails.pdf("file-b.pdf")),
                TestMails.mail("Subject C", "shop@example.com", "x", TestMails.pdf("file-c.pdf")));
        world.rule(account).with(r -> r.subject = "Subject A").create();
        world.rule(account).with(r -> {
            r.subject = "Subject B";
            r.title = MailRule.TitleSource.FILENAME;
            r.order = 1;
        }).create();
        world.rule(account).with(r -> {
            r.subject = "Subject C";
            r.title = MailRule.TitleSource.NONE;
            r.order = 2;
        }).create();
        world.fetcher().fetch(null);
        List<String> titles = world.consumer.stored().stream().map(s -> s.overrides().title()).toList();
        assertEquals("Subject A", titles.get(0));
        assertEquals("file-b", titles.get(1));
        assertNull(titles.get(2));
    }

    @Test
    void correspondentFromNothingAddressNameOrAFixedOneWithTypeAndTags() throws Exception {
        world.append("INBOX", TestMails.mail("One", "Alice Shop <alice@shop.example>", "x", TestMails.pdf("1.pdf")),
                TestMails.mail("Two", "Alice Shop <alice@shop.example>", "x", TestMails.pdf("2.pdf")),
                TestMails.mail("Three", "noname@shop.example", "x", TestMails.pdf("3.pdf")),
                TestMails.mail("Four", "Alice Shop <alice@shop.example>", "x", TestMails.pdf("4.pdf")),
                TestMails.mail("Five", "Alice Shop <alice@shop.example>", "x", TestMails.pdf("5.pdf")));
        world.rule(account).with(r -> {
            r.subject = "One";
            r.correspondentFrom = MailRule.CorrespondentSource.EMAIL;
        }).create();
        world.rule(account).with(r -> {
            r.subject = "Two";
            r.correspondentFrom = MailRule.CorrespondentSource.NAME;
        }).create();
        world.rule(account).with(r -> {
            r.subject = "Three";
            r.correspondentFrom = MailRule.CorrespondentSource.NAME;
        }).create();
        world.rule(account).with(r -> {
            r.subject = "Four";
            r.correspondentFrom = MailRule.CorrespondentSource.CUSTOM;
            r.correspondentId = 77L;
            r.typeId = 5L;
            r.tags = List.of(8L, 9L);
        }).create();
        world.rule(account).with(r -> r.subject = "Five").create();
        world.fetcher().fetch(null);

        Map<String, Long> created = world.correspondents;
        assertEquals(List.of("alice@shop.example", "Alice Shop", "noname@shop.example"), List.copyOf(created.keySet()));
        List<ConsumeOverrides> o = world.consumer.stored().stream().map(StoringConsumer.Stored::overrides).toList();
        assertEquals(String.valueOf(created.get("alice@shop.example")), o.get(0).correspondent());
        assertEquals(String.valueOf(created.get("Alice Shop")), o.get(1).correspondent());
        assertEquals(String.valueOf(created.get("noname@shop.example")), o.get(2).correspondent(), "no name: the address");
        assertEquals(new ConsumeOverrides("Four", "77", "5", List.of("8", "9")), o.get(3));
        assertNull(o.get(4).correspondent());
    }

    @Test
    void theFirstRuleThatTakesAMailOwnsItAndStopProcessingHoldsBackLaterRules() throws Exception {
        world.createFolder("Archive");
        world.append("INBOX", TestMails.mail("Bill", "shop@example.com", "x", TestMails.pdf("bill.pdf")));
        world.rule(account).with(r -> {
            r.stop = true;
            r.action = MailRule.Action.FLAG;
        }).create();
        world.rule(account).with(r -> {
            r.order = 1;
            r.scope = MailRule.Scope.EML;
        }).create();
        world.fetcher().fetch(null);
        assertEquals(List.of("bill.pdf"), world.consumer.names());
        world.fetcher().fetch(null);
        assertEquals(List.of("bill.pdf"), world.consumer.names(), "the mail is the first rule's, next time too");
    }

    @Test
    void aDisabledRuleDoesNothing() throws Exception {
        threeMails();
        world.rule(account).with(r -> r.enabled = false).create();
        world.fetcher().fetch(null);
        assertEquals(List.of(), world.consumer.names());
    }

    private static byte[] png() {
        byte[] head = "\u0089PNG\r\n\u001a\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[64];
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }
}
