package org.paperless.storage.internal.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperless.api.ConflictException;
import org.paperless.api.Correspondent;
import org.paperless.api.DocumentType;
import org.paperless.api.NotFoundException;
import org.paperless.api.Tag;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.MailRule.Action;
import org.paperless.api.mail.MailRule.AttachmentType;
import org.paperless.api.mail.MailRule.CorrespondentSource;
import org.paperless.api.mail.MailRule.Scope;
import org.paperless.api.mail.MailRule.TitleSource;
import org.paperless.storage.internal.testsupport.Engine;

/** Mail rules with their tags and references on a real database. */
abstract class MailRulesCases extends MailStorageTestBase {

    private MailAccount home;
    private Tag bills;
    private Tag taxes;
    private Correspondent bank;
    private DocumentType invoice;

    MailRulesCases(Engine engine) {
        super(engine);
    }

    @BeforeEach
    void setUpReferences() {
        home = accounts.create(account("Home", "secret"));
        bills = tags.create(new Tag(null, "Bills", null, null, false, null));
        taxes = tags.create(new Tag(null, "Taxes", null, null, false, null));
        bank = correspondents.create(new Correspondent(null, "Bank", null));
        invoice = types.create(new DocumentType(null, "Invoice", null));
    }

    private MailRule everyField(String name, List<Long> tagIds) {
        return new MailRule(null, home.id(), name, 3, false, "INBOX/Bills", "bank@example.org", "me@example.org",
                "Statement", "account number", "*.pdf", "logo*.png", 30, AttachmentType.EVERYTHING, Scope.EVERYTHING,
                TitleSource.FILENAME, CorrespondentSource.CUSTOM, bank.id(), invoice.id(), tagIds, Action.MOVE,
                "Archive/Bank", true);
    }

    @Test
    void aRuleKeepsEveryFieldAndItsTags() throws Exception {
        MailRule stored = rules.create(everyField("Bank statements", List.of(taxes.id(), bills.id(), taxes.id())));
        assertEquals(everyField("Bank statements", List.of(bills.id(), taxes.id())).withId(stored.id()), stored,
                "tags sorted by id, each once");
        assertEquals(stored, rules.find(stored.id()).orElseThrow());
        assertEquals(stored, rules.findByName("bank STATEMENTS").orElseThrow());
        assertEquals(stored, rules.resolve(String.valueOf(stored.id())));
        assertEquals(List.of(stored), rules.listFor(home.id()));

        Tag inbox = tags.create(new Tag(null, "Inbox", null, null, true, null));
        MailRule plain = rule(home.id(), "Bank statements", 0, List.of(taxes.id(), inbox.id())).withId(stored.id());
        assertEquals(plain, rules.update(plain));
        assertEquals(plain, rules.find(stored.id()).orElseThrow());
        assertEquals(CorrespondentSource.NOTHING, plain.correspondentFrom());
        assertEquals(2, db.queryLong("SELECT COUNT(*) FROM mail_rule_tag"));

        rules.delete(stored.id());
        assertTrue(rules.find(stored.id()).isEmpty());
        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM mail_rule_tag"));
        assertThrows(NotFoundException.class, () -> rules.delete(stored.id()));
        assertThrows(NotFoundException.class, () -> rules.update(plain));
        assertThrows(IllegalArgumentException.class, () -> rules.create(plain));
    }

    @Test
    void refusesAnAccountTagTypeOrCorrespondentThatDoesNotExist() {
        NotFoundException account = assertThrows(NotFoundException.class,
                () -> rules.create(rule(4242, "Orphan", 0, List.of())));
        assertEquals("No mail account with id 4242", account.getMessage());
        NotFoundException tag = assertThrows(NotFoundException.class,
                () -> rules.create(rule(home.id(), "Orphan", 0, List.of(bills.id(), 404L, 405L))));
        assertEquals("No tag with id 404, 405", tag.getMessage());
        MailRule badType = new MailRule(null, home.id(), "Orphan", 0, true, null, null, null, null, null, null, null, 0,
                null, null, null, null, null, 606L, List.of(), null, null, false);
        assertEquals("No document type with id 606",
                assertThrows(NotFoundException.class, () -> rules.create(badType)).getMessage());
        MailRule badCorrespondent = new MailRule(null, home.id(), "Orphan", 0, true, null, null, null, null, null, null,
                null, 0, null, null, null, CorrespondentSource.CUSTOM, 707L, null, List.of(), null, null, false);
        assertEquals("No correspondent with id 707",
                assertThrows(NotFoundException.class, () -> rules.create(badCorrespondent)).getMessage());
        assertEquals(List.of(), rules.list(), "nothing stored");

        MailRule good = rules.create(rule(home.id(), "Good", 0, List.of(bills.id())));
        assertThrows(NotFoundException.class,
                () -> rules.update(rule(home.id(), "Good", 0, List.of(404L)).withId(good.id())));
        assertThrows(NotFoundException.class, () -> rules.update(rule(4242, "Good", 0, List.of()).withId(good.id())));
        assertEquals(good, rules.find(good.id()).orElseThrow(), "unchanged");
    }

    @Test
    void namesAreUniqueIgnoringCaseAcrossAccounts() {
        MailAccount work = accounts.create(account("Work", "x"));
        MailRule first = rules.create(rule(home.id(), "Bills", 0, List.of()));
        ConflictException e = assertThrows(ConflictException.class, () -> rules.create(rule(work.id(), "BILLS", 0, List.of())));
        assertEquals("A mail rule named 'Bills' already exists (id " + first.id() + ")", e.getMessage());
        MailRule second = rules.create(rule(work.id(), "Receipts", 0, List.of()));
        assertThrows(ConflictException.class, () -> rules.update(rule(work.id(), "bills", 0, List.of()).withId(second.id())));
        rules.update(rule(work.id(), "RECEIPTS", 0, List.of()).withId(second.id()));
        assertEquals("RECEIPTS", rules.find(second.id()).orElseThrow().name());
    }

    @Test
    void rulesAreListedByAccountNameThenOrderThenId() {
        MailAccount alpha = accounts.create(account("alpha", "x"));
        MailRule homeLate = rules.create(rule(home.id(), "home late", 5, List.of()));
        MailRule homeEarlyB = rules.create(rule(home.id(), "home early b", 1, List.of()));
        MailRule homeEarlyA = rules.create(rule(home.id(), "home early a", 1, List.of()));
        MailRule alphaOnly = rules.create(rule(alpha.id(), "alpha only", 9, List.of()));

        assertEquals(List.of(alphaOnly, homeEarlyB, homeEarlyA, homeLate), rules.list(),
                "alpha before Home ignoring case; same order: by id");
        assertEquals(List.of(homeEarlyB, homeEarlyA, homeLate), rules.listFor(home.id()));
        assertEquals(List.of(), rules.listFor(4242));
    }

    @Test
    void deletedTagsTypesAndCorrespondentsLeaveTheRule() {
        MailRule stored = rules.create(everyField("Bank statements", List.of(bills.id(), taxes.id())));
        tags.delete(bills.id());
        types.delete(invoice.id());
        correspondents.delete(bank.id());

        MailRule read = rules.find(stored.id()).orElseThrow();
        assertEquals(List.of(taxes.id()), read.tagIds());
        assertNull(read.documentTypeId());
        assertNull(read.correspondentId());
        assertEquals(CorrespondentSource.NOTHING, read.correspondentFrom(), "a custom correspondent that is gone");
        assertEquals("Archive/Bank", read.actionParameter());
    }

    @Test
    void refusesWhatTheColumnsCannotHold() {
        MailRule longFilter = new MailRule(null, home.id(), "Long", 0, true, null, "x".repeat(257), null, null, null, null,
                null, 0, null, null, null, null, null, null, List.of(), null, null, false);
        assertEquals("The sender filter is longer than 256 characters",
                assertThrows(IllegalArgumentException.class, () -> rules.create(longFilter)).getMessage());
        MailRule longFolder = new MailRule(null, home.id(), "Long", 0, true, "f".repeat(1025), null, null, null, null,
                null, null, 0, null, null, null, null, null, null, List.of(), null, null, false);
        assertEquals("The folder is longer than 1024 characters",
                assertThrows(IllegalArgumentException.class, () -> rules.create(longFolder)).getMessage());
    }
}
