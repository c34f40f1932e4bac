package org.paperless.storage.internal.jpa;

import java.nio.file.Path;
import java.util.List;

import javax.persistence.EntityManagerFactory;

import liquibase.resource.ClassLoaderResourceAccessor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailRule;
import org.paperless.storage.internal.config.Folders;
import org.paperless.storage.internal.migration.LiquibaseMigrations;
import org.paperless.storage.internal.testsupport.DatabaseTestBase;
import org.paperless.storage.internal.testsupport.Engine;
import org.paperless.storage.internal.testsupport.TestPersistenceUnit;

/** The mail services over the real schema, with the key file under a temporary data folder. */
abstract class MailStorageTestBase extends DatabaseTestBase {

    protected EntityManagerFactory factory;
    protected Folders folders;
    protected MailAccountsComponent accounts;
    protected MailRulesComponent rules;
    protected ProcessedMailsComponent processed;
    protected TagRepositoryComponent tags;
    protected CorrespondentRepositoryComponent correspondents;
    protected DocumentTypeRepositoryComponent types;
    private LiquibaseMigrations migrations;

    MailStorageTestBase(Engine engine) {
        super(engine);
    }

    @BeforeEach
    void setUpMail() throws Exception {
        migrations = new LiquibaseMigrations(db.dataSource(),
                () -> new ClassLoaderResourceAccessor(getClass().getClassLoader()), LiquibaseMigrations.CHANGELOG);
        migrations.migrateToLatest();
        factory = TestPersistenceUnit.createFactory(db.dataSource());
        Path data = tempDir.resolve("data");
        folders = new Folders(data, data.resolve("media"), data.resolve("consume"), data.resolve("index"),
                data.resolve("log"));
        accounts = newAccounts();
        rules = new MailRulesComponent(factory, migrations);
        processed = new ProcessedMailsComponent(factory, migrations);
        tags = new TagRepositoryComponent(factory, migrations);
        correspondents = new CorrespondentRepositoryComponent(factory, migrations);
        types = new DocumentTypeRepositoryComponent(factory, migrations);
    }

    @AfterEach
    void tearDownMail() {
        if (factory != null) {
            factory.close();
        }
    }

    /** Another instance over the same database and data folder, as after a restart. */
    protected MailAccountsComponent newAccounts() {
        return new MailAccountsComponent(factory, migrations, folders);
    }

    protected Path keyFile() {
        return folders.data().resolve("secrets").resolve("mail.key");
    }

    protected static MailAccount account(String name, String password) {
        return new MailAccount(null, name, "imap.example.org", 993, MailAccount.Security.SSL, "me@example.org", password,
                "UTF-8");
    }

    /** A rule with every default: INBOX, attachments only, mark read. */
    protected static MailRule rule(long accountId, String name, int order, List<Long> tagIds) {
        return new MailRule(null, accountId, name, order, true, "INBOX", null, null, null, null, null, null, 0, null,
                null, null, null, null, null, tagIds, null, null, false);
    }
}
