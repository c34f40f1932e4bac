package org.paperless.storage.internal.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.paperless.api.ConflictException;
import org.paperless.api.NotFoundException;
import org.paperless.api.Tag;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.ProcessedMail;
import org.paperless.storage.internal.testsupport.Engine;

/** Mail accounts and their encrypted passwords on a real database. */
abstract class MailAccountsCases extends MailStorageTestBase {

    MailAccountsCases(Engine engine) {
        super(engine);
    }

    @Test
    void accountsAreCreatedFoundUpdatedAndDeleted() {
        MailAccount home = accounts.create(account("Home", "s3cret"));
        assertEquals(account("Home", "s3cret").withId(home.id()), accounts.find(home.id()).orElseThrow());
        assertEquals(home, accounts.findByName(" HOME ").orElseThrow());
        assertEquals(home, accounts.resolve(String.valueOf(home.id())));
        assertEquals(home, accounts.resolve("home"));

        MailAccount changed = new MailAccount(home.id(), "Family", "mail.example.net", null, MailAccount.Security.STARTTLS,
                "family", "n3w", "ISO-8859-1");
        assertEquals(changed, accounts.update(changed));
        assertEquals(changed, accounts.find(home.id()).orElseThrow());
        assertEquals(143, accounts.find(home.id()).orElseThrow().effectivePort());
        MailAccount work = accounts.create(account("work", ""));
        assertEquals(List.of("Family", "work"), accounts.list().stream().map(MailAccount::name).toList());
        assertEquals("", accounts.find(work.id()).orElseThrow().password());

        accounts.delete(home.id());
        assertTrue(accounts.find(home.id()).isEmpty());
        assertEquals(List.of(work), accounts.list());
        assertThrows(NotFoundException.class, () -> accounts.delete(home.id()));
        NotFoundException missing = assertThrows(NotFoundException.class, () -> accounts.update(changed));
        assertEquals("No mail account with id " + home.id(), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> accounts.create(work));
        assertThrows(NotFoundException.class, () -> accounts.resolve("nowhere"));
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        MailAccount home = accounts.create(account("Home", "a"));
        ConflictException e = assertThrows(ConflictException.class, () -> accounts.create(account("HOME", "b")));
        assertEquals("A mail account named 'Home' already exists (id " + home.id() + ")", e.getMessage());
        MailAccount work = accounts.create(account("Work", "c"));
        assertThrows(ConflictException.class, () -> accounts.update(account("home", "c").withId(work.id())));
        assertEquals("Work", accounts.find(work.id()).orElseThrow().name());
        accounts.update(account("WORK", "c").withId(work.id()));
        assertEquals("WORK", accounts.find(work.id()).orElseThrow().name(), "its own name in other letters is fine");
    }

    @Test
    void thePasswordIsStoredEncryptedUnderAKeyOnlyTheOwnerReads() throws Exception {
        MailAccount none = accounts.create(account("No password", ""));
        assertNull(db.queryText("SELECT password_encrypted FROM mail_account WHERE id = " + none.id()));
        assertFalse(Files.exists(keyFile()), "no key until a password needs one");

        String password = "s3cret Pässwörd ✓";
        MailAccount home = accounts.create(account("Home", password));
        MailAccount twin = accounts.create(account("Twin", password));
        String stored = db.queryText("SELECT password_encrypted FROM mail_account WHERE id = " + home.id());
        assertTrue(stored.startsWith("v1:"), stored);
        assertFalse(stored.contains("s3cret"), stored);
        byte[] sealed = Base64.getDecoder().decode(stored.substring(3));
        assertEquals(12 + password.getBytes(StandardCharsets.UTF_8).length + 16, sealed.length, "IV, ciphertext, tag");
        assertNotEquals(stored, db.queryText("SELECT password_encrypted FROM mail_account WHERE id = " + twin.id()),
                "a fresh IV for every value");

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile().getParent())));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(keyFile()).strip()).length);

        assertEquals(password, newAccounts().find(home.id()).orElseThrow().password(), "read back after a restart");
        assertFalse(accounts.find(home.id()).orElseThrow().toString().contains("s3cret"));
        assertEquals(Optional.empty(), accounts.passwordProblem(home.id()));
    }

    @Test
    void aLostKeyLeavesPasswordsEmptyAndSaysHowToMendThem() throws Exception {
        MailAccount home = accounts.create(account("Home", "old-secret"));
        MailAccount open = accounts.create(account("Open", ""));
        byte[] savedKey = Files.readAllBytes(keyFile());
        Files.delete(keyFile());

        MailAccountsComponent restarted = newAccounts();
        assertEquals(List.of("", ""), restarted.list().stream().map(MailAccount::password).toList(), "listing still works");
        assertEquals("", restarted.resolve("Home").password());
        String problem = restarted.passwordProblem(home.id()).orElseThrow();
        assertEquals("The password of mail account 'Home' cannot be read: the key file " + keyFile().toAbsolutePath()
                + " is missing. Enter it again with paperless:mail-account-change Home", problem);
        assertEquals(Optional.empty(), restarted.passwordProblem(open.id()), "nothing to read");
        assertEquals(Optional.empty(), restarted.passwordProblem(4242));

        // Changing something else keeps the stored password for when the key comes back.
        MailAccount moved = new MailAccount(home.id(), "Home", "imap2.example.org", null, MailAccount.Security.SSL,
                "me@example.org", "", "UTF-8");
        restarted.update(moved);
        Files.write(keyFile(), savedKey);
        assertEquals("old-secret", restarted.find(home.id()).orElseThrow().password());
        assertEquals("imap2.example.org", restarted.find(home.id()).orElseThrow().host());

        // Entered again under a new key: readable; a password still under the old key says so.
        MailAccount other = restarted.create(account("Other", "other-secret"));
        Files.delete(keyFile());
        restarted.update(new MailAccount(home.id(), "Home", "imap2.example.org", null, MailAccount.Security.SSL,
                "me@example.org", "new-secret", "UTF-8"));
        assertEquals("new-secret", restarted.find(home.id()).orElseThrow().password());
        assertEquals("", restarted.find(other.id()).orElseThrow().password());
        assertTrue(restarted.passwordProblem(other.id()).orElseThrow().contains("encrypted with another key than the one in "
                + keyFile().toAbsolutePath()), restarted.passwordProblem(other.id()).orElseThrow());

        Files.writeString(keyFile(), "not a key\n");
        assertEquals("The password of mail account 'Home' cannot be read: the mail key file " + keyFile().toAbsolutePath()
                + " is damaged: it is not base64. Restore the key file from a backup, or remove it and enter it again "
                + "with paperless:mail-account-change Home", restarted.passwordProblem(home.id()).orElseThrow());
        assertEquals("", restarted.list().get(0).password());
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> restarted.create(account("New", "x")));
        assertTrue(refused.getMessage().contains("is damaged"), refused.getMessage());
        Files.delete(keyFile());
        MailAccount again = restarted.create(account("New", "x"));
        assertEquals("x", restarted.find(again.id()).orElseThrow().password());
    }

    @Test
    void refusesWhatTheColumnsCannotHold() {
        IllegalArgumentException charset = assertThrows(IllegalArgumentException.class, () -> accounts.create(
                new MailAccount(null, "Home", "imap.example.org", null, MailAccount.Security.SSL, "me", "", "x".repeat(65))));
        assertEquals("The character set is longer than 64 characters", charset.getMessage());
        IllegalArgumentException password = assertThrows(IllegalArgumentException.class,
                () -> accounts.create(account("Home", "ä".repeat(751))));
        assertEquals("The password is longer than 1500 bytes (UTF-8)", password.getMessage());
        MailAccount longest = accounts.create(account("Home", "p".repeat(1500)));
        assertEquals("p".repeat(1500), accounts.find(longest.id()).orElseThrow().password());
    }

    @Test
    void deletingAnAccountDeletesItsRulesAndItsRecordOfMails() throws Exception {
        Tag bills = tags.create(new Tag(null, "Bills", null, null, false, null));
        MailAccount home = accounts.create(account("Home", "a"));
        MailAccount work = accounts.create(account("Work", "b"));
        MailRule homeRule = rules.create(rule(home.id(), "Home bills", 0, List.of(bills.id())));
        MailRule workRule = rules.create(rule(work.id(), "Work bills", 0, List.of(bills.id())));
        ProcessedMail homeMail = processed.begin(new ProcessedMail(null, home.id(), homeRule.id(), "INBOX", 1, 10,
                "<a@example.org>", "Bill", Instant.now(), ProcessedMail.Status.PENDING, null, null, null));
        processed.addDocument(homeMail.id(), 77);
        ProcessedMail workMail = processed.begin(new ProcessedMail(null, work.id(), workRule.id(), "INBOX", 1, 10,
                "<b@example.org>", "Bill", Instant.now(), ProcessedMail.Status.PENDING, null, null, null));
        processed.addDocument(workMail.id(), 78);

        accounts.delete(home.id());

        assertEquals(List.of(workRule), rules.list());
        assertEquals(1, db.queryLong("SELECT COUNT(*) FROM mail_rule_tag"));
        assertTrue(processed.find(home.id(), "INBOX", 1, 10).isEmpty());
        assertEquals(1, db.queryLong("SELECT COUNT(*) FROM processed_mail"));
        assertEquals(1, db.queryLong("SELECT COUNT(*) FROM processed_mail_document"));
        assertTrue(processed.originOf(77).isEmpty());
        assertEquals("Work", processed.originOf(78).orElseThrow().account());
        assertTrue(tags.find(bills.id()).isPresent(), "tags stay");
    }
}
