package org.paperless.storage.internal.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManagerFactory;

import liquibase.resource.ClassLoaderResourceAccessor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperless.api.ConflictException;
import org.paperless.api.Correspondent;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.CustomFieldType;
import org.paperless.api.Document;
import org.paperless.api.DocumentType;
import org.paperless.api.Matching;
import org.paperless.api.MatchingAlgorithm;
import org.paperless.api.NotFoundException;
import org.paperless.api.Note;
import org.paperless.api.StoragePath;
import org.paperless.api.Tag;
import org.paperless.storage.internal.entity.CustomFieldEntity;
import org.paperless.storage.internal.migration.LiquibaseMigrations;
import org.paperless.storage.internal.testsupport.DatabaseTestBase;
import org.paperless.storage.internal.testsupport.Engine;
import org.paperless.storage.internal.testsupport.TestConfig;
import org.paperless.storage.internal.testsupport.TestPersistenceUnit;
import org.paperless.storage.internal.config.Folders;
import org.paperless.storage.internal.files.DataFoldersComponent;
import org.paperless.storage.internal.files.MediaStoreComponent;

/** The repositories over OpenJPA and the Liquibase schema, as they run inside Karaf but without OSGi. */
abstract class RepositoriesCases extends DatabaseTestBase {

    private EntityManagerFactory factory;
    private CorrespondentRepositoryComponent correspondents;
    private TagRepositoryComponent tags;
    private DocumentTypeRepositoryComponent types;
    private StoragePathRepositoryComponent paths;
    private DocumentRepositoryComponent documents;

    RepositoriesCases(Engine engine) {
        super(engine);
    }

    @BeforeEach
    void setUp() throws Exception {
        LiquibaseMigrations migrations = new LiquibaseMigrations(db.dataSource(),
                () -> new ClassLoaderResourceAccessor(getClass().getClassLoader()), LiquibaseMigrations.CHANGELOG);
        migrations.migrateToLatest();
        factory = TestPersistenceUnit.createFactory(db.dataSource());
        correspondents = new CorrespondentRepositoryComponent(factory, migrations);
        tags = new TagRepositoryComponent(factory, migrations);
        types = new DocumentTypeRepositoryComponent(factory, migrations);
        paths = new StoragePathRepositoryComponent(factory, migrations);
        documents = new DocumentRepositoryComponent(TestConfig.storage(java.util.Map.of()), factory, db.dataSource(),
                migrations, new MediaStoreComponent(new DataFoldersComponent(new Folders(tempDir, tempDir.resolve("media"),
                        tempDir.resolve("consume"), tempDir.resolve("index"), tempDir.resolve("log")))));
    }

    @AfterEach
    void tearDown() {
        if (factory != null) {
            factory.close();
        }
    }

    private static Document document(String title, Long correspondentId, Set<Long> tagIds, List<Note> notes,
            List<CustomFieldInstance> fields) {
        return new Document(null, title, "Dear customer, ...", correspondentId, null, null, tagIds,
                LocalDate.of(2024, 2, 29), null, Instant.parse("2024-03-01T10:15:30.123456789Z"), "c0ffee", null, null,
                title + ".pdf", null, title + " (scan).pdf", "application/pdf", 2, "admin", notes, fields);
    }

    private long customField(String name) {
        return new Transactions(factory).call(em -> {
            CustomFieldEntity field = new CustomFieldEntity();
            field.setName(name);
            field.setDataType(CustomFieldType.MONETARY.label());
            em.persist(field);
            em.flush();
            return field.getId();
        });
    }

    @Test
    void correspondentsCanBeCreatedFoundUpdatedAndDeleted() {
        Matching matching = new Matching("bank", MatchingAlgorithm.LITERAL, false);
        Correspondent bank = correspondents.create(new Correspondent(null, "Bank", matching));
        assertEquals(new Correspondent(bank.id(), "Bank", matching), correspondents.get(bank.id()));
        assertEquals(bank, correspondents.findByName("BANK").orElseThrow());
        assertEquals(bank, correspondents.resolve(String.valueOf(bank.id())));

        Correspondent renamed = correspondents.update(new Correspondent(bank.id(), "My bank", null));
        assertEquals(Matching.DEFAULT, renamed.matching());
        correspondents.create(new Correspondent(null, "Aunt", null));
        assertEquals(List.of("Aunt", "My bank"), correspondents.list().stream().map(Correspondent::name).toList());
        assertEquals(2, correspondents.count());

        correspondents.delete(bank.id());
        assertTrue(correspondents.find(bank.id()).isEmpty());
        assertThrows(NotFoundException.class, () -> correspondents.delete(bank.id()));
    }

    @Test
    void namesAreUniquePerKindIgnoringCase() {
        Tag first = tags.create(new Tag(null, "Taxes", null, null, false, null));
        ConflictException e = assertThrows(ConflictException.class,
                () -> tags.create(new Tag(null, "TAXES", null, null, false, null)));
        assertEquals("A tag named 'Taxes' already exists (id " + first.id() + ")", e.getMessage());
        Tag other = tags.create(new Tag(null, "Other", null, null, false, null));
        assertThrows(ConflictException.class, () -> tags.update(new Tag(other.id(), "taxes", null, null, false, null)));
        tags.update(new Tag(first.id(), "taxes", null, "#ff0000", true, null)); // its own name, in another case
        types.create(new DocumentType(null, "Taxes", null)); // another kind may use the name
        assertEquals(1, types.count());
    }

    @Test
    void updatingWhatDoesNotExistFails() {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> paths.update(new StoragePath(99L, "Archive", "{title}", null)));
        assertEquals("No storage path with id 99", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> paths.create(new StoragePath(5L, "x", "{title}", null)));
    }

    @Test
    void tagsNestWithoutCyclesUpToFiveLevels() {
        assertThrows(ConflictException.class, () -> tags.create(new Tag(null, "Orphan", null, null, false, 404L)));
        Long parent = null;
        Tag top = null;
        for (int level = 1; level <= Tag.MAX_DEPTH; level++) {
            Tag tag = tags.create(new Tag(null, "Level " + level, null, null, false, parent));
            top = top == null ? tag : top;
            parent = tag.id();
        }
        Long deepest = parent;
        assertThrows(ConflictException.class, () -> tags.create(new Tag(null, "Level 6", null, null, false, deepest)));

        Tag topUnderDeepest = new Tag(top.id(), top.name(), null, null, false, deepest);
        ConflictException cycle = assertThrows(ConflictException.class, () -> tags.update(topUnderDeepest));
        assertTrue(cycle.getMessage().contains("below it"), cycle.getMessage());

        Tag loose = tags.create(new Tag(null, "Loose", null, null, false, null));
        Tag underLoose = new Tag(top.id(), top.name(), null, null, false, loose.id());
        assertThrows(ConflictException.class, () -> tags.update(underLoose), "six levels with its subtree");
    }

    @Test
    void deletingATagMakesItsChildrenTopLevelAndRemovesItFromDocuments() {
        Tag parent = tags.create(new Tag(null, "Household", null, null, false, null));
        Tag child = tags.create(new Tag(null, "Energy", null, null, false, parent.id()));
        Document doc = documents.create(document("Bill", null, Set.of(parent.id(), child.id()), null, null));

        tags.delete(parent.id());
        assertNull(tags.get(child.id()).parentId());
        assertEquals(Set.of(child.id()), documents.get(doc.id()).tagIds());
    }

    @Test
    void aDocumentKeepsItsTagsNotesAndCustomFields() {
        Correspondent from = correspondents.create(new Correspondent(null, "Utility", null));
        Tag inbox = tags.create(new Tag(null, "Inbox", null, null, true, null));
        Tag bills = tags.create(new Tag(null, "Bills", null, null, false, null));
        long amount = customField("Amount");
        Instant noted = Instant.parse("2024-03-02T08:00:00Z");
        Document stored = documents.create(document("Electricity", from.id(), Set.of(inbox.id(), bills.id()),
                List.of(new Note(null, 0, "paid", noted, "admin")),
                List.of(new CustomFieldInstance(null, 0, amount, "EUR12.50"))));

        Document found = documents.get(stored.id());
        assertEquals(stored, found);
        assertEquals(Set.of(inbox.id(), bills.id()), found.tagIds());
        assertEquals(List.of(new Note(found.notes().get(0).id(), stored.id(), "paid", noted, "admin")), found.notes());
        assertEquals("EUR12.50", found.customFields().get(0).value());
        assertEquals(amount, found.customFields().get(0).fieldId());
        assertEquals(LocalDate.of(2024, 2, 29), found.created());
        assertEquals(Instant.parse("2024-03-01T10:15:30.123Z"), found.added(), "milliseconds survive");
        assertEquals(found.added(), found.modified());
        assertEquals("Dear customer, ...", found.content());
        assertEquals("Electricity (scan).pdf", found.originalFilename());

        documents.delete(stored.id());
        assertTrue(documents.find(stored.id()).isEmpty());
    }

    @Test
    void deletingACorrespondentTypeOrPathClearsTheDocumentsReference() {
        Correspondent from = correspondents.create(new Correspondent(null, "Landlord", null));
        DocumentType type = types.create(new DocumentType(null, "Contract", null));
        StoragePath path = paths.create(new StoragePath(null, "Home", "home/{title}", null));
        Document doc = documents.create(new Document(null, "Lease", "", from.id(), type.id(), path.id(), null, null,
                null, null, "abc", null, 7L, "lease.pdf", null, null, null, null, null, null, null));

        correspondents.delete(from.id());
        types.delete(type.id());
        paths.delete(path.id());
        Document after = documents.get(doc.id());
        assertNull(after.correspondentId());
        assertNull(after.documentTypeId());
        assertNull(after.storagePathId());
        assertEquals(7L, after.archiveSerialNumber());
    }

    @Test
    void documentsAreListedByIdInPages() {
        for (int i = 1; i <= 5; i++) {
            documents.create(document("Doc " + i, null, null, null, null));
        }
        assertEquals(5, documents.count());
        assertEquals(List.of("Doc 3", "Doc 4"), documents.list(2, 2).stream().map(Document::title).toList());
        assertEquals(List.of("Doc 5"), documents.list(4, 10).stream().map(Document::title).toList());
    }

    @Test
    void documentsAreWalkedInBatchesCompleteAndByModification() {
        Tag bills = tags.create(new Tag(null, "Bills", null, null, false, null));
        long amount = customField("Amount");
        List<Document> batch = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Instant modified = Instant.parse("2024-03-0" + i + "T12:00:00Z");
            batch.add(new Document(null, "Doc " + i, "text " + i, null, null, null, Set.of(bills.id()), null, modified,
                    modified, "sum" + i, null, null, null, null, null, null, null, null,
                    List.of(new Note(null, 0, "note " + i, modified, "admin")),
                    List.of(new CustomFieldInstance(null, 0, amount, "EUR" + i))));
        }
        List<Document> stored = documents.createAll(batch);
        assertEquals(5, stored.size());
        long first = stored.get(0).id();

        List<Document> page = documents.listAfter(first, 2);
        assertEquals(List.of("Doc 2", "Doc 3"), page.stream().map(Document::title).toList());
        assertEquals("note 3", page.get(1).notes().get(0).text(), "notes come with a batch");
        assertEquals("EUR3", page.get(1).customFields().get(0).value());
        assertEquals(Set.of(bills.id()), page.get(1).tagIds());
        assertEquals(List.of("Doc 4", "Doc 5"), documents.listAfter(page.get(1).id(), 10).stream().map(Document::title).toList());
        assertEquals(List.of(), documents.listAfter(stored.get(4).id(), 10));

        assertEquals(stored.stream().map(Document::id).toList().subList(1, 5), documents.idsAfter(first, 10));
        assertEquals(List.of("Doc 4", "Doc 5"), documents.listModifiedSince(Instant.parse("2024-03-04T12:00:00Z"), 0, 10)
                .stream().map(Document::title).toList(), "modified at or after the instant");
        assertEquals(List.of("Doc 5"), documents.listModifiedSince(Instant.parse("2024-03-04T12:00:00Z"),
                stored.get(3).id(), 10).stream().map(Document::title).toList());
        assertEquals(java.util.Optional.of(Instant.parse("2024-03-05T12:00:00Z")), documents.lastModified());
    }

    /** Documents created in one batch are stored whole, as one created alone is, and come back as a read finds them. */
    @Test
    void aBatchStoresEveryPartOfEachDocument() {
        Correspondent bank = correspondents.create(new Correspondent(null, "Bank", null));
        DocumentType letter = types.create(new DocumentType(null, "Letter", null));
        Tag a = tags.create(new Tag(null, "A", null, null, false, null));
        Tag b = tags.create(new Tag(null, "B", null, null, false, null));
        long amount = customField("Total");
        Instant added = Instant.parse("2024-05-06T07:08:09.123Z");
        Document full = new Document(null, "Full", "all the text", bank.id(), letter.id(), null, Set.of(a.id(), b.id()),
                LocalDate.of(2024, 5, 1), added.plusSeconds(60), added, "c1", "c2", 4711L, "2024/full.pdf",
                "2024/full-archive.pdf", "scan.pdf", "application/pdf", 3, "admin",
                List.of(new Note(null, 0, "first", added, "admin"), new Note(null, 0, "second", added, null)),
                List.of(new CustomFieldInstance(null, 0, amount, "12.50")));
        Document bare = new Document(null, "Bare", null, null, null, null, Set.of(), null, null, null, "c3", null, null,
                null, null, null, null, null, null, List.of(), List.of());
        List<Document> stored = documents.createAll(List.of(full, bare));

        assertEquals(2, stored.size());
        assertTrue(stored.get(0).id() < stored.get(1).id(), "ids in the order given");
        for (Document d : stored) {
            assertEquals(documents.find(d.id()).orElseThrow(), d);
        }
        Document f = stored.get(0);
        assertEquals(List.of("Full", "all the text", bank.id(), letter.id(), Set.of(a.id(), b.id()), LocalDate.of(2024, 5, 1),
                added.plusSeconds(60), added, "c1", "c2", 4711L, "2024/full.pdf", "2024/full-archive.pdf", "scan.pdf",
                "application/pdf", 3, "admin"),
                List.of(f.title(), f.content(), f.correspondentId(), f.documentTypeId(), f.tagIds(), f.created(),
                        f.modified(), f.added(), f.checksum(), f.archiveChecksum(), f.archiveSerialNumber(), f.filename(),
                        f.archiveFilename(), f.originalFilename(), f.mimeType(), f.pageCount(), f.owner()));
        assertEquals(List.of("first", "second"), f.notes().stream().map(Note::text).toList());
        assertEquals("12.50", f.customFields().get(0).value());
        Document n = stored.get(1);
        assertEquals("", n.content());
        assertEquals(n.added(), n.modified(), "modified defaults to added");
        assertTrue(n.added() != null && !n.added().isAfter(Instant.now()));

        Document again = documents.create(new Document(null, "After", "t", null, null, null, Set.of(), null, null, null,
                "c4", null, null, null, null, null, null, null, null, List.of(), List.of()));
        assertTrue(again.id() > n.id(), "a document created alone later takes the next id");
    }

    @Test
    void aBatchWithATakenSerialNumberStoresNothing() {
        documents.create(document("Taken", null, null, null, null));
        Document holder = documents.createAll(List.of(new Document(null, "Holder", "t", null, null, null, Set.of(), null,
                null, null, "h1", null, 7L, null, null, null, null, null, null, List.of(), List.of()))).get(0);
        long before = documents.count();
        Document fresh = new Document(null, "Fresh", "t", null, null, null, Set.of(), null, null, null, "f1", null, 8L,
                null, null, null, null, null, null, List.of(), List.of());
        Document clash = new Document(null, "Clash", "t", null, null, null, Set.of(), null, null, null, "f2", null, 7L,
                null, null, null, null, null, null, List.of(), List.of());
        ConflictException taken = assertThrows(ConflictException.class, () -> documents.createAll(List.of(fresh, clash)));
        assertTrue(taken.getMessage().contains("7"), taken.getMessage());
        Document twin = new Document(null, "Twin", "t", null, null, null, Set.of(), null, null, null, "f3", null, 8L,
                null, null, null, null, null, null, List.of(), List.of());
        assertThrows(ConflictException.class, () -> documents.createAll(List.of(fresh, twin)));
        assertEquals(before, documents.count(), "nothing of a refused batch is stored");
        assertEquals(holder, documents.find(holder.id()).orElseThrow());
    }

    @Test
    void anUpdateChangesTheAssignmentsAndTheModificationTime() {
        Correspondent from = correspondents.create(new Correspondent(null, "Insurer", null));
        Tag tax = tags.create(new Tag(null, "Tax", null, null, false, null));
        Document stored = documents.create(document("Policy", null, null, null, null));
        Document changed = new Document(stored.id(), "Policy 2024", stored.content(), from.id(), null, null,
                Set.of(tax.id()), LocalDate.of(2024, 1, 2), stored.modified(), stored.added(), stored.checksum(), null,
                99L, stored.filename(), null, stored.originalFilename(), stored.mimeType(), stored.pageCount(), "admin",
                stored.notes(), stored.customFields());
        Document updated = documents.update(changed);
        assertEquals("Policy 2024", updated.title());
        assertEquals(from.id(), updated.correspondentId());
        assertEquals(Set.of(tax.id()), documents.get(stored.id()).tagIds());
        assertEquals(99L, updated.archiveSerialNumber());
        assertTrue(updated.modified().isAfter(stored.modified()), "modified moves on");
        assertEquals(stored.added(), updated.added());
        assertThrows(NotFoundException.class, () -> documents.update(new Document(4242L, "x", "", null, null, null,
                null, null, null, null, "c", null, null, null, null, null, null, null, null, null, null)));
    }

    @Test
    void manyUpdatesInOneGoWriteOnlyTheTagsThatChangedAndAreAllOrNothing() {
        Tag a = tags.create(new Tag(null, "A", null, null, false, null));
        Tag b = tags.create(new Tag(null, "B", null, null, false, null));
        Document first = documents.create(new Document(null, "One", "", null, null, null, Set.of(a.id()), null, null, null,
                "c1", null, 7L, null, null, null, null, null, null, null, null));
        Document second = documents.create(new Document(null, "Two", "", null, null, null, Set.of(a.id(), b.id()), null,
                null, null, "c2", null, null, null, null, null, null, null, null, null, null));
        documents.updateAll(List.of(retitled(first, "One!", Set.of(b.id()), 7L), retitled(second, "Two!", Set.of(b.id()), 8L)));
        assertEquals(Set.of(b.id()), documents.get(first.id()).tagIds());
        assertEquals(Set.of(b.id()), documents.get(second.id()).tagIds());
        assertEquals(8L, documents.get(second.id()).archiveSerialNumber());

        ConflictException taken = assertThrows(ConflictException.class, () -> documents.updateAll(List.of(
                retitled(first, "Changed", Set.of(), 7L), retitled(second, "Changed", Set.of(), 7L))));
        assertTrue(taken.getMessage().contains("7"), taken.getMessage());
        assertThrows(ConflictException.class, () -> documents.updateAll(List.of(
                retitled(first, "Changed", Set.of(a.id()), 7L), retitled(second, "Changed", Set.of(4242L), 8L))));
        assertEquals("One!", documents.get(first.id()).title(), "nothing of a refused batch is stored");
        assertEquals(Set.of(b.id()), documents.get(first.id()).tagIds());
    }

    private static Document retitled(Document d, String title, Set<Long> tagIds, Long asn) {
        return new Document(d.id(), title, d.content(), d.correspondentId(), d.documentTypeId(), d.storagePathId(), tagIds,
                d.created(), d.modified(), d.added(), d.checksum(), d.archiveChecksum(), asn, d.filename(),
                d.archiveFilename(), d.originalFilename(), d.mimeType(), d.pageCount(), d.owner(), d.notes(), d.customFields());
    }

    @Test
    void anArchiveSerialNumberIsUsedOnce() {
        Document first = documents.create(new Document(null, "A", "", null, null, null, null, null, null, null, "1",
                null, 42L, "a.pdf", null, null, null, null, null, null, null));
        ConflictException e = assertThrows(ConflictException.class, () -> documents.create(new Document(null, "B", "",
                null, null, null, null, null, null, null, "2", null, 42L, "b.pdf", null, null, null, null, null, null,
                null)));
        assertEquals("Archive serial number 42 is already used by document " + first.id(), e.getMessage());
    }

    @Test
    void filesAreNamedAfterTheIdInsideTheTransaction() {
        Document stored = documents.create(document("Scan", null, null, null, null),
                withId -> withId.withFilenames(String.format("%07d.pdf", withId.id()), null));
        assertEquals(String.format("%07d.pdf", stored.id()), stored.filename());
        assertEquals(stored.filename(), documents.get(stored.id()).filename());
    }

    @Test
    void aFailingFileStepStoresNoRow() {
        long before = documents.count();
        assertThrows(java.io.UncheckedIOException.class, () -> documents.create(document("Broken", null, null, null, null),
                withId -> {
                    throw new java.io.IOException("disk full");
                }));
        assertEquals(before, documents.count());
    }

    @Test
    void documentsAreFoundByTheChecksumOfTheirOriginalOrArchive() {
        Document stored = documents.create(document("Checked", null, null, null, null));
        assertEquals(stored.id(), documents.findByChecksum(stored.checksum()).orElseThrow().id());
        assertTrue(documents.findByChecksum("0".repeat(64)).isEmpty());
    }
}
