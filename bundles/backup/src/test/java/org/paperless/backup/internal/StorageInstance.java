package org.paperless.backup.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import liquibase.resource.ClassLoaderResourceAccessor;

import org.paperless.storage.internal.config.DatabaseSettings;
import org.paperless.storage.internal.config.Folders;
import org.paperless.storage.internal.config.StorageConfig;
import org.paperless.storage.internal.db.DataSources;
import org.paperless.storage.internal.files.DataFoldersComponent;
import org.paperless.storage.internal.files.MediaStoreComponent;
import org.paperless.storage.internal.files.WebpEncoderComponent;
import org.paperless.storage.internal.jpa.CollectionImportComponent;
import org.paperless.storage.internal.jpa.CorrespondentRepositoryComponent;
import org.paperless.storage.internal.jpa.CustomFieldRepositoryComponent;
import org.paperless.storage.internal.jpa.DocumentRepositoryComponent;
import org.paperless.storage.internal.jpa.DocumentTypeRepositoryComponent;
import org.paperless.storage.internal.jpa.MailAccountsComponent;
import org.paperless.storage.internal.jpa.MailRulesComponent;
import org.paperless.storage.internal.jpa.PermissionRepositoryComponent;
import org.paperless.storage.internal.jpa.SavedViewRepositoryComponent;
import org.paperless.storage.internal.jpa.StoragePathRepositoryComponent;
import org.paperless.storage.internal.jpa.TagRepositoryComponent;
import org.paperless.storage.internal.migration.LiquibaseMigrations;

/**
 * One instance's storage as the storage bundle builds it, outside OSGi: Derby in its own folder, the schema
 * by Liquibase, the OpenJPA repositories and mail services over the bundle's real persistence.xml, a data
 * folder with its media folder and mail key file.
 */
final class StorageInstance implements AutoCloseable {

    final Folders folders;
    final DataSource dataSource;
    final LiquibaseMigrations migrations;
    final EntityManagerFactory factory;
    final MediaStoreComponent media;
    final DocumentRepositoryComponent documents;
    final CorrespondentRepositoryComponent correspondents;
    final TagRepositoryComponent tags;
    final DocumentTypeRepositoryComponent types;
    final StoragePathRepositoryComponent paths;
    final CustomFieldRepositoryComponent fields;
    final CollectionImportComponent collection;
    final MailAccountsComponent mailAccounts;
    final MailRulesComponent mailRules;
    final PermissionRepositoryComponent permissions;
    final SavedViewRepositoryComponent savedViews;

    StorageInstance(Path root) throws Exception {
        Path data = root.resolve("data");
        folders = new Folders(data, data.resolve("media"), data.resolve("consume"), data.resolve("index"),
                data.resolve("log"));
        DataFoldersComponent dataFolders = new DataFoldersComponent(folders);
        dataSource = DataSources.create(new DatabaseSettings(DatabaseSettings.DERBY,
                "jdbc:derby:" + root.resolve("db") + ";create=true", null, null));
        migrations = new LiquibaseMigrations(dataSource,
                () -> new ClassLoaderResourceAccessor(getClass().getClassLoader()), LiquibaseMigrations.CHANGELOG);
        migrations.migrateToLatest();
        // The persistence.xml names the bundle's DataSource service; this one is handed over as an object instead.
        factory = Persistence.createEntityManagerFactory("paperless", Map.of("openjpa.ConnectionFactory", dataSource));
        media = new MediaStoreComponent(dataFolders);
        documents = new DocumentRepositoryComponent(defaults(), factory, dataSource, migrations, media);
        correspondents = new CorrespondentRepositoryComponent(factory, migrations);
        tags = new TagRepositoryComponent(factory, migrations);
        types = new DocumentTypeRepositoryComponent(factory, migrations);
        paths = new StoragePathRepositoryComponent(factory, migrations);
        fields = new CustomFieldRepositoryComponent(factory, dataSource, migrations);
        collection = new CollectionImportComponent(factory, migrations);
        mailAccounts = new MailAccountsComponent(factory, migrations, dataFolders);
        mailRules = new MailRulesComponent(factory, migrations);
        permissions = new PermissionRepositoryComponent(dataSource, migrations);
        savedViews = new SavedViewRepositoryComponent(dataSource, migrations, permissions);
    }

    ExporterComponent exporter() {
        ExporterComponent exporter = new ExporterComponent(new Collection(documents, correspondents, tags, types, paths,
                fields, mailAccounts, mailRules, permissions, savedViews), media, migrations, "0.1.0.test");
        exporter.webp = new WebpEncoderComponent();
        return exporter;
    }

    ImporterComponent importer() throws Exception {
        return new ImporterComponent(collection, documents, media, folders, migrations, mailAccounts, mailRules);
    }

    Path mailKey() {
        return folders.data().resolve("secrets").resolve("mail.key");
    }

    @Override
    public void close() {
        factory.close();
        DataSources.shutdown(dataSource);
    }

    /** The storage configuration as Declarative Services gives it without a configuration file: every default. */
    private static StorageConfig defaults() {
        return (StorageConfig) Proxy.newProxyInstance(StorageInstance.class.getClassLoader(),
                new Class<?>[] {StorageConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> StorageConfig.class;
                    case "toString" -> "StorageConfig (defaults)";
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    default -> method.getDefaultValue();
                });
    }
}
