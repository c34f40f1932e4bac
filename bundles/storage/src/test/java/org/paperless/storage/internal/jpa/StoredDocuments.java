package org.paperless.storage.internal.jpa;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import liquibase.resource.ClassLoaderResourceAccessor;

import org.paperless.api.Document;
import org.paperless.storage.internal.config.Folders;
import org.paperless.storage.internal.files.DataFoldersComponent;
import org.paperless.storage.internal.files.MediaStoreComponent;
import org.paperless.storage.internal.migration.LiquibaseMigrations;
import org.paperless.storage.internal.testsupport.TestConfig;
import org.paperless.storage.internal.testsupport.TestPersistenceUnit;

/** The document repository over a migrated database, as the bundle builds it, for the tests that store documents. */
final class StoredDocuments implements AutoCloseable {

    final DocumentRepositoryComponent repository;
    private final EntityManagerFactory factory;
    private final LiquibaseMigrations migrations;

    StoredDocuments(DataSource dataSource, Path folder) throws Exception {
        migrations = new LiquibaseMigrations(dataSource,
                () -> new ClassLoaderResourceAccessor(getClass().getClassLoader()), LiquibaseMigrations.CHANGELOG);
        migrations.migrateToLatest();
        factory = TestPersistenceUnit.createFactory(dataSource);
        repository = new DocumentRepositoryComponent(TestConfig.storage(Map.of()), factory, dataSource, migrations,
                new MediaStoreComponent(new DataFoldersComponent(new Folders(folder, folder.resolve("media"),
                        folder.resolve("consume"), folder.resolve("index"), folder.resolve("log")))));
    }

    /** A consumed PDF as the consumer hands it over: no id and no file names yet. */
    static Document consumed(long number) {
        return new Document(null, "Letter " + number, "Dear customer, ".repeat(100), null, null, null, Set.of(),
                LocalDate.of(2024, 2, 29), null, null, String.format("%064x", number), String.format("a%063x", number),
                null, null, null, "letter-" + number + ".pdf", "application/pdf", 2, null, List.of(), List.of());
    }

    EntityManagerFactory factory() {
        return factory;
    }

    LiquibaseMigrations migrations() {
        return migrations;
    }

    @Override
    public void close() {
        factory.close();
    }
}
