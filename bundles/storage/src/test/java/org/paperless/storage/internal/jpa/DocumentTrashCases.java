package org.paperless.storage.internal.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.persistence.EntityManagerFactory;

import liquibase.resource.ClassLoaderResourceAccessor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.paperless.api.ConflictException;
import org.paperless.api.CustomField;
import org.paperless.api.CustomFieldType;
import org.paperless.api.Document;
import org.paperless.api.NotFoundException;
import org.paperless.api.Note;
import org.paperless.api.storage.DocumentEvents;
import org.paperless.api.storage.DocumentRepository.FileChange;
import org.paperless.api.storage.DocumentRepository.Trashed;
import org.paperless.api.storage.MediaArea;
import org.paperless.storage.internal.config.Folders;
import org.paperless.storage.internal.files.DataFoldersComponent;
import org.paperless.storage.internal.files.MediaStoreComponent;
import org.paperless.storage.internal.migration.LiquibaseMigrations;
import org.paperless.storage.internal.testsupport.DatabaseTestBase;
import org.paperless.storage.internal.testsupport.Engine;
import org.paperless.storage.internal.testsupport.TestConfig;
import org.paperless.storage.internal.testsupport.TestPersistenceUnit;

/** The trash, notes and custom field values of the document repository, on a real database and media folder. */
abstract class DocumentTrashCases extends DatabaseTestBase {

    private EntityManagerFactory factory;
    private MediaStoreComponent media;
    private DocumentRepositoryComponent documents;
    private CustomFieldRepositoryComponent fields;
    private final List<Event> events = new CopyOnWriteArrayList<>();

    DocumentTrashCases(Engine engine) {
        super(engine);
    }

    @BeforeEach
    void setUp() throws Exception {
        LiquibaseMigrations migrations = new LiquibaseMigrations(db.dataSource(),
                () -> new ClassLoaderResourceAccessor(getClass().getClassLoader()), LiquibaseMigrations.CHANGELOG);
        migrations.migrateToLatest();
        factory = TestPersistenceUnit.createFactory(db.dataSource());
        media = new MediaStoreComponent(new DataFoldersComponent(new Folders(tempDir, tempDir.resolve("media"),
                tempDir.resolve("consume"), tempDir.resolve("index"), tempDir.resolve("log"))));
        documents = new DocumentRepositoryComponent(TestConfig.storage(Map.of("emptyTrashDelay", "7")), factory,
                db.dataSource(), migrations, media);
        documents.events = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                events.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                events.add(event);
            }
        };
        fields = new CustomFieldRepositoryComponent(factory, db.dataSource(), migrations);
    }

    @AfterEach
    void tearDown() {
        if (factory != null) {
            factory.close();
        }
    }

    /** A stored document with an original, an archive copy and a thumbnail on disk. */
    private Document stored(String title) throws Exception {
        return documents.create(new Document(null, title, "text of " + title, null, null, null, null, null, null, null,
                "sum-" + title, "archive-sum-" + title, null, null, null, title + ".pdf", "application/pdf", 1, null,
                null, null), withId -> {
                    String stem = String.format("%07d", withId.id());
                    media.write(MediaArea.ORIGINALS, "2024/" + stem + ".pdf", bytes(title));
                    media.write(MediaArea.ARCHIVE, stem + ".pdf", bytes(title + " archived"));
                    media.write(MediaArea.THUMBNAILS, stem + ".png", bytes("png"));
                    return withId.withFilenames("2024/" + stem + ".pdf", stem + ".pdf");
                });
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<Path> files(Document d) {
        return List.of(media.resolve(MediaArea.ORIGINALS, d.filename()), media.resolve(MediaArea.ARCHIVE, d.archiveFilename()),
                media.resolve(MediaArea.THUMBNAILS, String.format("%07d.png", d.id())));
    }

    private List<String> topics(long id) {
        return events.stream().filter(e -> Long.valueOf(id).equals(e.getProperty(DocumentEvents.DOCUMENT_ID)))
                .map(Event::getTopic).toList();
    }

    @Test
    void aTrashedDocumentIsLeftOutOfEveryListingButKeepsItsChecksum() throws Exception {
        Document kept = stored("Kept");
        Document trashed = stored("Trashed");
        Document last = stored("Last");
        events.clear();

        assertEquals(List.of(trashed.id()), documents.moveToTrash(List.of(trashed.id())).stream().map(Document::id).toList());

        assertEquals(List.of(DocumentEvents.TOPIC_DELETED), topics(trashed.id()), "the index drops it");
        assertEquals(2, documents.count());
        assertEquals(List.of("Kept", "Last"), documents.list(0, 10).stream().map(Document::title).toList());
        assertEquals(List.of("Kept", "Last"), documents.listAfter(0, 10).stream().map(Document::title).toList());
        assertEquals(List.of("Last"), documents.listAfter(kept.id(), 1).stream().map(Document::title).toList());
        assertEquals(List.of(kept.id(), last.id()), documents.idsAfter(0, 10));
        assertEquals(List.of("Kept", "Last"), documents.listModifiedSince(Instant.EPOCH, 0, 10).stream()
                .map(Document::title).toList());
        assertTrue(documents.find(trashed.id()).isEmpty());
        assertThrows(NotFoundException.class, () -> documents.get(trashed.id()));

        assertEquals(trashed.id(), documents.findByChecksum("sum-Trashed").orElseThrow().id(), "still a duplicate");
        assertTrue(documents.trashedAt(trashed.id()).isPresent());
        assertTrue(documents.trashedAt(kept.id()).isEmpty());
        List<Trashed> trash = documents.trash();
        assertEquals(List.of(trashed.id()), trash.stream().map(t -> t.document().id()).toList());
        assertEquals(documents.trashedAt(trashed.id()).orElseThrow(), trash.get(0).deletedAt());
        assertTrue(files(trashed).stream().allMatch(Files::exists), "the files stay while it is in the trash");
    }

    @Test
    void manyAreFoundTogetherInTheOrderAskedCompleteAndWithoutTheTrashed() throws Exception {
        Document first = stored("First");
        Document trashed = stored("Trashed");
        Document last = stored("Last");
        CustomField amount = fields.create(new CustomField(null, "Amount", CustomFieldType.MONETARY));
        documents.addNote(first.id(), "paid", "admin");
        documents.setCustomField(first.id(), amount.id(), "EUR1.00");
        documents.moveToTrash(List.of(trashed.id()));

        List<Document> found = documents.findAll(List.of(last.id(), trashed.id(), 424_242L, first.id()));

        assertEquals(List.of("Last", "First"), found.stream().map(Document::title).toList());
        assertEquals(documents.find(first.id()).orElseThrow(), found.get(1), "notes and field values too");
        assertEquals(List.of("paid"), found.get(1).notes().stream().map(Note::text).toList());
        assertEquals(List.of(), documents.findAll(List.of()));
    }

    @Test
    void aTrashedDocumentCannotBeChanged() throws Exception {
        Document trashed = stored("Trashed");
        documents.moveToTrash(List.of(trashed.id()));
        assertThrows(NotFoundException.class, () -> documents.update(trashed));
        NotFoundException e = assertThrows(NotFoundException.class, () -> documents.addNote(trashed.id(), "x", null));
        assertTrue(e.getMessage().contains("in the trash"), e.getMessage());
        assertThrows(ConflictException.class, () -> documents.moveToTrash(List.of(trashed.id())));
    }

    @Test
    void trashingAndRestoringAreAllOrNothing() throws Exception {
        Document a = stored("A");
        Document b = stored("B");
        assertThrows(NotFoundException.class, () -> documents.moveToTrash(List.of(a.id(), 4242L)));
        assertEquals(2, documents.count(), "nothing went into the trash");

        documents.moveToTrash(List.of(a.id()));
        ConflictException notThere = assertThrows(ConflictException.class,
                () -> documents.restore(List.of(a.id(), b.id())));
        assertEquals("Document " + b.id() + " is not in the trash", notThere.getMessage());
        assertEquals(1, documents.trash().size(), "nothing came back");

        events.clear();
        documents.restore(List.of(a.id()));
        assertEquals(List.of(DocumentEvents.TOPIC_ADDED), topics(a.id()), "the index takes it again");
        assertEquals(List.of(), documents.trash());
        assertEquals(List.of(a.id(), b.id()), documents.idsAfter(0, 10));
        assertEquals(a.title(), documents.get(a.id()).title());
    }

    @Test
    void newFileNamesOfManyDocumentsAreRecordedAllOrNothing() throws Exception {
        Document a = stored("A");
        Document b = stored("B");
        events.clear();
        assertThrows(NotFoundException.class, () -> documents.updateAllFiles(List.of(
                FileChange.renamed(a, "moved/A.pdf", "moved/A.pdf"), FileChange.renamed(b, "moved/B.pdf", null),
                new FileChange(4242L, "x.pdf", null, null, null, null))));
        assertEquals(a.filename(), documents.get(a.id()).filename(), "nothing changed");
        assertEquals(List.of(), events);

        documents.updateAllFiles(List.of(FileChange.renamed(a, "moved/A.pdf", "moved/A.pdf"),
                FileChange.renamed(b, "moved/B.pdf", null)));
        Document movedA = documents.get(a.id());
        Document movedB = documents.get(b.id());
        assertEquals("moved/A.pdf", movedA.filename());
        assertEquals("moved/A.pdf", movedA.archiveFilename());
        assertEquals(a.archiveChecksum(), movedA.archiveChecksum());
        assertEquals("moved/B.pdf", movedB.filename());
        assertEquals(null, movedB.archiveFilename());
        assertEquals(null, movedB.archiveChecksum());
        assertEquals(a.content(), movedA.content(), "the text stays");
        assertEquals(List.of(DocumentEvents.TOPIC_UPDATED), topics(a.id()), "the index and renamer follow");
        assertEquals(List.of(DocumentEvents.TOPIC_UPDATED), topics(b.id()));
    }

    @Test
    void emptyingTheTrashRemovesRowsAndFilesForGood() throws Exception {
        Document kept = stored("Kept");
        Document gone = stored("Gone");
        assertThrows(ConflictException.class, () -> documents.emptyTrash(List.of(kept.id())),
                "only what is in the trash can be emptied");
        documents.moveToTrash(List.of(gone.id()));

        assertEquals(List.of(gone.id()), documents.emptyTrash(List.of(gone.id())).stream().map(Document::id).toList());

        assertTrue(documents.findByChecksum("sum-Gone").isEmpty());
        assertTrue(documents.trashedAt(gone.id()).isEmpty());
        assertEquals(List.of(), documents.trash());
        assertTrue(files(gone).stream().noneMatch(Files::exists), files(gone)::toString);
        assertTrue(files(kept).stream().allMatch(Files::exists));
        assertEquals(1, documents.count());
    }

    @Test
    void onlyDocumentsLongerInTheTrashThanTheDelayAreEmptied() throws Exception {
        Document old = stored("Old");
        Document recent = stored("Recent");
        Document live = stored("Live");
        documents.moveToTrash(List.of(old.id(), recent.id()));
        trashedDaysAgo(old.id(), 8);
        trashedDaysAgo(recent.id(), 6);
        assertEquals(Duration.ofDays(7), documents.emptyTrashDelay(), "from the configuration");

        assertEquals(List.of(old.id()), documents.emptyExpiredTrash().stream().map(Document::id).toList());

        assertEquals(List.of(recent.id()), documents.trash().stream().map(t -> t.document().id()).toList());
        assertTrue(files(old).stream().noneMatch(Files::exists));
        assertTrue(files(recent).stream().allMatch(Files::exists));
        assertEquals(List.of(live.id()), documents.idsAfter(0, 10));
        assertEquals(List.of(), documents.emptyTrash(Instant.now().minus(Duration.ofDays(7))), "nothing more is due");
    }

    private void trashedDaysAgo(long id, int days) throws Exception {
        LocalDateTime when = LocalDateTime.ofInstant(Instant.now().minus(Duration.ofDays(days)), ZoneOffset.UTC);
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE document SET deleted_at = ? WHERE id = ?")) {
            s.setTimestamp(1, Timestamp.valueOf(when));
            s.setLong(2, id);
            assertEquals(1, s.executeUpdate());
        }
    }

    @Test
    void notesAndCustomFieldValuesAreAddedAndReplaced() throws Exception {
        Document d = stored("Invoice");
        CustomField amount = fields.create(new CustomField(null, "Amount", CustomFieldType.MONETARY));
        events.clear();

        Note note = documents.addNote(d.id(), "  paid in full ", "admin");
        assertEquals("paid in full", note.text());
        documents.setCustomField(d.id(), amount.id(), "EUR12.50");
        documents.setCustomField(d.id(), amount.id(), "EUR13.00");

        Document after = documents.get(d.id());
        assertEquals(List.of("paid in full"), after.notes().stream().map(Note::text).toList());
        assertEquals("admin", after.notes().get(0).user());
        assertEquals(1, after.customFields().size(), "one value per field");
        assertEquals("EUR13.00", after.customFields().get(0).value());
        assertTrue(after.modified().isAfter(d.modified()) || after.modified().equals(d.modified()));
        assertEquals(List.of(DocumentEvents.TOPIC_UPDATED, DocumentEvents.TOPIC_UPDATED, DocumentEvents.TOPIC_UPDATED),
                topics(d.id()));

        assertThrows(NotFoundException.class, () -> documents.setCustomField(d.id(), 4242L, "x"));
        assertThrows(NotFoundException.class, () -> documents.addNote(4242L, "x", null));
        assertThrows(IllegalArgumentException.class, () -> documents.addNote(d.id(), " ", null));
    }
}
