package org.paperless.storage.internal.jpa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.sql.DataSource;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.paperless.api.ConflictException;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.Document;
import org.paperless.api.NotFoundException;
import org.paperless.api.Note;
import org.paperless.api.storage.DocumentEvents;
import org.paperless.api.storage.DocumentQuery;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.MediaStore;
import org.paperless.api.storage.SchemaMigrations;
import org.paperless.storage.internal.config.SettingsResolver;
import org.paperless.storage.internal.config.StorageConfig;
import org.paperless.storage.internal.entity.CustomFieldEntity;
import org.paperless.storage.internal.entity.CustomFieldInstanceEntity;
import org.paperless.storage.internal.entity.DocumentEntity;
import org.paperless.storage.internal.entity.NoteEntity;
import org.paperless.storage.internal.db.DatabaseComponent;
import org.paperless.storage.internal.files.DocumentFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Documents with their tags, notes and custom field values; deleting one cascades in the database.
 * Every commit is announced with a {@link DocumentEvents} event. A document in the trash (deleted_at set)
 * is left out of every listing, count and find; only findByChecksum and the trash methods see it.
 */
@Component(service = DocumentRepository.class, configurationPid = StorageConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class DocumentRepositoryComponent implements DocumentRepository {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentRepositoryComponent.class);

    private final Transactions transactions;
    /** Every matching id of a query, in its order: the count, any page and "all" come from one answer. */
    private final KeptAnswers<DocumentQuery, OrderedIds> lists = new KeptAnswers<>(4_000_000, ids -> ids.ids().length);
    /** Documents as the lists show them, weighed by their text (about 32 MB of characters at most). */
    private final KeptAnswers<Long, Document> pages = new KeptAnswers<>(16_000_000, DocumentRepositoryComponent::weight);
    private final MediaStore media;
    private volatile Duration emptyTrashDelay;
    /** Whether the database takes new documents in JDBC batches; known at the first createAll. */
    private volatile Boolean batchedInserts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;

    private final DataSource dataSource;
    /** When a create that lost a lock conflict runs again; tests replace the pause. */
    ConflictRetry retry = new ConflictRetry(ConflictRetry.ATTEMPTS, ConflictRetry.BACK_OFF);

    /**
     * @param dataSource the persistence unit's own, for the batched updates
     * @param migrations only referenced so that nothing uses JPA before the schema is current
     * @param media where the files of documents removed from the trash are deleted
     */
    @Activate
    public DocumentRepositoryComponent(StorageConfig config,
            @Reference(target = PersistenceUnit.TARGET) EntityManagerFactory factory,
            @Reference(target = "(" + DatabaseComponent.JNDI_NAME_PROPERTY + "=" + DatabaseComponent.JNDI_NAME + ")")
            DataSource dataSource, @Reference SchemaMigrations migrations, @Reference MediaStore media) {
        this.transactions = new Transactions(factory);
        this.dataSource = dataSource;
        this.media = media;
        modified(config);
    }

    @Modified
    void modified(StorageConfig config) {
        this.emptyTrashDelay = SettingsResolver.of(config).emptyTrashDelay();
    }

    @Override
    public long count() {
        return transactions.read(em -> em.createQuery("SELECT COUNT(d) FROM DocumentEntity d WHERE " + DocumentTrash.LIVE, Long.class)
                .getSingleResult());
    }

    @Override
    public List<Document> list(int offset, int limit) {
        return transactions.read(em -> em.createQuery("SELECT d FROM DocumentEntity d WHERE " + DocumentTrash.LIVE + " ORDER BY d.id", DocumentEntity.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(d -> DocumentMapper.toRecord(d, List.of(), List.of()))
                .toList());
    }

    @Override
    public List<Document> listAfter(long afterId, int limit) {
        // The ids first (from the index alone), then the rows between the first and the last of them: a
        // limited query over the rows themselves made Derby and the tag fetch walk far past the batch.
        return transactions.read(em -> {
            List<Long> ids = ids(em, afterId, limit);
            if (ids.isEmpty()) {
                return List.of();
            }
            return completeAll(em, em.createQuery(
                    "SELECT d FROM DocumentEntity d WHERE d.id BETWEEN :lo AND :hi AND " + DocumentTrash.LIVE
                    + " ORDER BY d.id", DocumentEntity.class)
                    .setParameter("lo", ids.get(0)).setParameter("hi", ids.get(ids.size() - 1)).getResultList());
        });
    }

    @Override
    public List<Document> listModifiedSince(Instant since, long afterId, int limit) {
        return transactions.read(em -> completeAll(em, em.createQuery(
                "SELECT d FROM DocumentEntity d WHERE d.id > :after AND d.modified >= :since AND " + DocumentTrash.LIVE
                + " ORDER BY d.id",
                DocumentEntity.class).setParameter("after", afterId)
                .setParameter("since", DocumentMapper.utc(since)).setMaxResults(limit).getResultList()));
    }

    @Override
    public Optional<Instant> lastModified() {
        return transactions.read(em -> Optional.ofNullable(em.createQuery(
                "SELECT MAX(d.modified) FROM DocumentEntity d WHERE " + DocumentTrash.LIVE, java.time.LocalDateTime.class).getSingleResult())
                .map(DocumentMapper::instant));
    }

    @Override
    public List<Long> idsAfter(long afterId, int limit) {
        return transactions.read(em -> ids(em, afterId, limit));
    }

    private static List<Long> ids(EntityManager em, long afterId, int limit) {
        return em.createQuery("SELECT d.id FROM DocumentEntity d WHERE d.id > :after AND " + DocumentTrash.LIVE
                + " ORDER BY d.id", Long.class)
                .setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    @Override
    public List<Document> createAll(List<Document> documents) {
        if (documents.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        List<Long> ids = insertBatched(documents, now);
        List<Document> stored = ids != null ? readBack(ids) : transactions.call(em -> {
            List<DocumentEntity> entities = new ArrayList<>();
            for (Document document : documents) {
                entities.add(persistRow(em, document, now));
            }
            em.flush();
            for (int i = 0; i < documents.size(); i++) {
                persistParts(em, documents.get(i), entities.get(i).getId(), now);
            }
            em.flush();
            return completeAll(em, entities);
        });
        stored.forEach(d -> announce(DocumentEvents.TOPIC_ADDED, d.id(), d.title()));
        return stored;
    }

    /** The new documents written in JDBC batches where the database allows it (PostgreSQL); null where not. */
    private List<Long> insertBatched(List<Document> documents, Instant now) {
        if (Boolean.FALSE.equals(batchedInserts)) {
            return null;
        }
        try (Connection c = dataSource.getConnection()) {
            if (batchedInserts == null) {
                batchedInserts = DocumentInserts.supported(c);
            }
            if (!batchedInserts) {
                return null;
            }
            c.setAutoCommit(false);
            try {
                List<Long> ids = DocumentInserts.insert(c, documents, now);
                c.commit();
                return ids;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                StoreChanges.written();
            }
        } catch (SQLException e) {
            throw DocumentUpdates.refused(e);
        }
    }

    /** Documents just written, as a read finds them, in the order of their ids. */
    private List<Document> readBack(List<Long> ids) {
        Set<Long> wanted = new HashSet<>(ids);
        return transactions.read(em -> completeAll(em, em.createQuery(
                "SELECT d FROM DocumentEntity d WHERE d.id BETWEEN :lo AND :hi ORDER BY d.id", DocumentEntity.class)
                .setParameter("lo", ids.get(0)).setParameter("hi", ids.get(ids.size() - 1)).getResultList()
                .stream().filter(d -> wanted.contains(d.getId())).toList()));
    }

    /** Stores one new document, its notes and custom field values inside a running transaction. */
    static DocumentEntity persist(EntityManager em, Document document, Instant now) {
        DocumentEntity entity = persistRow(em, document, now);
        em.flush();
        persistParts(em, document, entity.getId(), now);
        return entity;
    }

    private static DocumentEntity persistRow(EntityManager em, Document document, Instant now) {
        if (document.id() != null) {
            throw new IllegalArgumentException("a new document has no id yet (got " + document.id() + ")");
        }
        checkSerialNumber(em, document.archiveSerialNumber());
        DocumentEntity entity = DocumentMapper.toEntity(document, now);
        em.persist(entity);
        return entity;
    }

    private static void persistParts(EntityManager em, Document document, long id, Instant now) {
        for (Note note : document.notes()) {
            em.persist(DocumentMapper.toEntity(note, id, now));
        }
        for (CustomFieldInstance field : document.customFields()) {
            em.persist(DocumentMapper.toEntity(field, id));
        }
    }

    @Override
    public Optional<Document> find(long id) {
        return transactions.read(em -> Optional.ofNullable(em.find(DocumentEntity.class, id))
                .filter(d -> d.getDeletedAt() == null).map(d -> complete(em, d)));
    }

    @Override
    public List<Document> findAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // Not kept: a walk over thousands would push out the pages the REST API keeps.
        Map<Long, Document> found = read(new java.util.HashSet<>(ids));
        return ids.stream().distinct().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public DocumentQuery.Page query(DocumentQuery query) {
        OrderedIds kept = lists.get(new DocumentQuery(query.criteria(), query.ordering(), 0, 0, false), this::matching);
        long[] all = kept.ids();
        int from = (int) Math.min(query.offset(), all.length);
        int to = (int) Math.min((long) query.offset() + query.limit(), all.length);
        List<Long> pageIds = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            pageIds.add(all[i]);
        }
        List<Long> allIds = query.withAllIds() ? kept.asList() : List.of();
        return new DocumentQuery.Page(byIds(pageIds), all.length, allIds);
    }

    /** Every matching id in order, from the database: the count, any page and "all" come from it. */
    private OrderedIds matching(DocumentQuery query) {
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            return new OrderedIds(FieldConditions.filter(c, query, new DocumentQuerySql(query).ids(c)));
        } catch (SQLException e) {
            throw new IllegalStateException("Listing documents failed: " + e.getMessage(), e);
        }
    }

    /** The live documents with these ids, complete, in the order of the ids (those gone meanwhile left out). */
    private List<Document> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Document> found = pages.getAll(ids, this::read);
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    private Map<Long, Document> read(java.util.Set<Long> ids) {
        List<Long> sorted = ids.stream().sorted().toList();
        return transactions.read(em -> {
            List<DocumentEntity> entities = em.createQuery(
                    "SELECT d FROM DocumentEntity d WHERE d.id IN :ids AND " + DocumentTrash.LIVE + " ORDER BY d.id",
                    DocumentEntity.class).setParameter("ids", sorted).getResultList();
            // The notes and field values of these documents only: a page's ids may lie far apart.
            Map<Long, List<Note>> notes = entities.isEmpty() ? Map.of() : em.createQuery(
                    "SELECT n FROM NoteEntity n WHERE n.documentId IN :ids ORDER BY n.id", NoteEntity.class)
                    .setParameter("ids", sorted).getResultList().stream().map(DocumentMapper::toRecord)
                    .collect(Collectors.groupingBy(Note::documentId));
            Map<Long, List<CustomFieldInstance>> fields = entities.isEmpty() ? Map.of() : em.createQuery(
                    "SELECT f FROM CustomFieldInstanceEntity f WHERE f.documentId IN :ids ORDER BY f.id",
                    CustomFieldInstanceEntity.class).setParameter("ids", sorted).getResultList().stream()
                    .map(DocumentMapper::toRecord).collect(Collectors.groupingBy(CustomFieldInstance::documentId));
            return entities.stream().map(d -> DocumentMapper.toRecord(d, notes.getOrDefault(d.getId(), List.of()),
                    fields.getOrDefault(d.getId(), List.of()))).collect(Collectors.toMap(Document::id, d -> d));
        });
    }

    private static int weight(Document d) {
        int text = d.content() == null ? 0 : d.content().length();
        for (Note n : d.notes()) {
            text += n.text() == null ? 0 : n.text().length();
        }
        return 512 + text;
    }

    @Override
    public Document create(Document document) {
        return create(document, stored -> stored);
    }

    /**
     * Run again when the INSERT loses a lock conflict, before the file step starts: nothing happened outside
     * the database yet, and the caller still holds its turn. On Derby this is how the identity's next block of
     * ids fails: Derby takes it in a nested transaction that does not wait for locks, and reports LOCK_TIMEOUT
     * at once while another connection compiles an INSERT or UPDATE of the table (which reads the same
     * SYS.SYSSEQUENCES row); new statistics make every connection recompile and drop the block in memory at
     * the same moment. A conflict once the files are being written is the caller's to retry.
     */
    @Override
    public Document create(Document document, FileStep files) {
        if (document.id() != null) {
            throw new IllegalArgumentException("a new document has no id yet (got " + document.id() + ")");
        }
        Instant now = Instant.now();
        for (int attempt = 1; ; attempt++) {
            boolean[] filesStarted = {false};
            FileStep watched = stored -> {
                filesStarted[0] = true;
                return files.write(stored);
            };
            try {
                return announced(transactions.call(em -> insert(em, document, now, watched)));
            } catch (RuntimeException e) {
                if (filesStarted[0] || !retry.again(attempt, e, "Storing document '" + document.title() + "'")) {
                    throw e;
                }
            }
        }
    }

    private static Document insert(EntityManager em, Document document, Instant now, FileStep files) {
        checkSerialNumber(em, document.archiveSerialNumber());
        DocumentEntity entity = DocumentMapper.toEntity(document, now);
        em.persist(entity);
        em.flush(); // the id, and the row the notes and fields point to
        for (Note note : document.notes()) {
            em.persist(DocumentMapper.toEntity(note, entity.getId(), now));
        }
        for (CustomFieldInstance field : document.customFields()) {
            em.persist(DocumentMapper.toEntity(field, entity.getId()));
        }
        em.flush();
        Document named = writeFiles(files, complete(em, entity));
        entity.setFilename(named.filename());
        entity.setArchiveFilename(named.archiveFilename());
        em.flush();
        return complete(em, entity);
    }

    private Document announced(Document stored) {
        announce(DocumentEvents.TOPIC_ADDED, stored.id(), stored.title());
        return stored;
    }

    /** After the commit, never inside the transaction: a listener must find what it is told about. */
    private void announce(String topic, long id, String title) {
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(topic, title == null ? Map.of(DocumentEvents.DOCUMENT_ID, id)
                    : Map.of(DocumentEvents.DOCUMENT_ID, id, DocumentEvents.DOCUMENT_TITLE, title)));
        }
    }

    @Override
    public Document update(Document document) {
        updateAll(List.of(document));
        return get(document.id());
    }

    @Override
    public List<Document> updateAll(List<Document> changed) {
        if (changed.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                DocumentUpdates.apply(c, changed, now);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Storing the change failed: " + e.getMessage(), e);
        } finally {
            StoreChanges.written();
        }
        // Not read back: the retagger changes tens of thousands and needs nothing returned.
        Instant modified = DocumentMapper.instant(DocumentMapper.utc(now));
        List<Document> updated = changed.stream().map(d -> new Document(d.id(), d.title(), d.content(),
                d.correspondentId(), d.documentTypeId(), d.storagePathId(), d.tagIds(), d.created(), modified, d.added(),
                d.checksum(), d.archiveChecksum(), d.archiveSerialNumber(), d.filename(), d.archiveFilename(),
                d.originalFilename(), d.mimeType(), d.pageCount(), d.owner(), d.notes(), d.customFields())).toList();
        updated.forEach(d -> announce(DocumentEvents.TOPIC_UPDATED, d.id(), d.title()));
        return updated;
    }

    @Override
    public Optional<Document> findByChecksum(String checksum) {
        // Two queries, each on its own index: with OR, Derby and PostgreSQL scan the whole table.
        return transactions.read(em -> {
            Optional<DocumentEntity> original = firstWith(em, "checksum", checksum);
            Optional<DocumentEntity> archive = firstWith(em, "archiveChecksum", checksum);
            Optional<DocumentEntity> first = original.isEmpty() ? archive : archive.isEmpty() ? original
                    : Optional.of(original.get().getId() <= archive.get().getId() ? original.get() : archive.get());
            return first.map(d -> complete(em, d));
        });
    }

    private static Optional<DocumentEntity> firstWith(EntityManager em, String field, String checksum) {
        return em.createQuery("SELECT d FROM DocumentEntity d WHERE d." + field + " = :c ORDER BY d.id", DocumentEntity.class)
                .setParameter("c", checksum).setMaxResults(1).getResultList().stream().findFirst();
    }

    private static Document writeFiles(FileStep files, Document stored) {
        try {
            return files.write(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the files of document " + stored.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Document updateFiles(FileChange change) {
        Document updated = transactions.call(em -> complete(em, applyFiles(em, change)));
        announce(DocumentEvents.TOPIC_UPDATED, updated.id(), updated.title());
        return updated;
    }

    @Override
    public void updateAllFiles(List<FileChange> changes) {
        List<DocumentEntity> updated = transactions.call(em -> {
            List<DocumentEntity> entities = new ArrayList<>(changes.size());
            for (FileChange change : changes) {
                entities.add(applyFiles(em, change));
            }
            return entities;
        });
        updated.forEach(e -> announce(DocumentEvents.TOPIC_UPDATED, e.getId(), e.getTitle()));
    }

    private static DocumentEntity applyFiles(EntityManager em, FileChange change) {
        DocumentEntity entity = em.find(DocumentEntity.class, change.id());
        if (entity == null) {
            throw new NotFoundException("No document with id " + change.id());
        }
        entity.setFilename(change.filename());
        entity.setArchiveFilename(change.archiveFilename());
        entity.setArchiveChecksum(change.archiveChecksum());
        if (change.checksum() != null) {
            entity.setChecksum(change.checksum());
        }
        if (change.content() != null) {
            entity.setContent(change.content());
            entity.setModified(DocumentMapper.utc(Instant.now()));
        }
        return entity;
    }

    @Override
    public void delete(long id) {
        transactions.call(em -> {
            DocumentEntity entity = em.find(DocumentEntity.class, id);
            if (entity == null) {
                throw new NotFoundException("No document with id " + id);
            }
            em.remove(entity);
            return null;
        });
        announce(DocumentEvents.TOPIC_DELETED, id, null);
    }

    @Override
    public Note addNote(long documentId, String text, String user) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A note needs some text");
        }
        Instant now = Instant.now();
        Note note = transactions.call(em -> {
            DocumentEntity document = live(em, documentId);
            NoteEntity entity = DocumentMapper.toEntity(new Note(null, documentId, text.strip(), now, user), documentId, now);
            em.persist(entity);
            document.setModified(DocumentMapper.utc(now));
            em.flush();
            return DocumentMapper.toRecord(entity);
        });
        announce(DocumentEvents.TOPIC_UPDATED, documentId, null);
        return note;
    }

    @Override
    public boolean deleteNote(long documentId, long noteId) {
        boolean deleted = transactions.call(em -> {
            DocumentEntity document = live(em, documentId);
            NoteEntity note = em.find(NoteEntity.class, noteId);
            if (note == null || note.getDocumentId() != documentId) {
                return false;
            }
            em.remove(note);
            document.setModified(DocumentMapper.utc(Instant.now()));
            return true;
        });
        if (deleted) {
            announce(DocumentEvents.TOPIC_UPDATED, documentId, null);
        }
        return deleted;
    }

    @Override
    public CustomFieldInstance setCustomField(long documentId, long fieldId, String value) {
        CustomFieldInstance set = transactions.call(em -> {
            DocumentEntity document = live(em, documentId);
            if (em.find(CustomFieldEntity.class, fieldId) == null) {
                throw new NotFoundException("No custom field with id " + fieldId);
            }
            CustomFieldInstanceEntity entity = em.createQuery("SELECT f FROM CustomFieldInstanceEntity f "
                    + "WHERE f.documentId = :d AND f.fieldId = :f", CustomFieldInstanceEntity.class)
                    .setParameter("d", documentId).setParameter("f", fieldId).getResultList().stream().findFirst()
                    .orElse(null);
            if (entity == null) {
                entity = DocumentMapper.toEntity(new CustomFieldInstance(null, documentId, fieldId, value), documentId);
                em.persist(entity);
            } else {
                entity.setValue(value);
            }
            document.setModified(DocumentMapper.utc(Instant.now()));
            em.flush();
            return DocumentMapper.toRecord(entity);
        });
        announce(DocumentEvents.TOPIC_UPDATED, documentId, null);
        return set;
    }

    @Override
    public int modifyCustomFields(Collection<Long> documentIds, Map<Long, String> values, Set<Long> attach,
            Set<Long> remove) {
        List<Long> ids = new ArrayList<>(new TreeSet<>(documentIds));
        Set<Long> changed = transactions.call(em -> {
            Set<Long> given = new TreeSet<>(values.keySet());
            given.addAll(attach);
            for (long field : given) {
                if (em.find(CustomFieldEntity.class, field) == null) {
                    throw new NotFoundException("No custom field with id " + field);
                }
            }
            Set<Long> done = new TreeSet<>();
            for (int from = 0; from < ids.size(); from += 500) {
                List<Long> batch = em.createQuery("SELECT d.id FROM DocumentEntity d WHERE d.id IN :ids AND "
                        + DocumentTrash.LIVE, Long.class).setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                        .getResultList();
                if (!batch.isEmpty()) {
                    done.addAll(modifyFields(em, batch, values, attach, remove));
                }
            }
            if (!done.isEmpty()) {
                List<Long> all = new ArrayList<>(done);
                for (int from = 0; from < all.size(); from += 500) {
                    em.createQuery("UPDATE DocumentEntity d SET d.modified = :now WHERE d.id IN :ids")
                            .setParameter("now", DocumentMapper.utc(Instant.now()))
                            .setParameter("ids", all.subList(from, Math.min(all.size(), from + 500))).executeUpdate();
                }
            }
            return done;
        });
        changed.forEach(id -> announce(DocumentEvents.TOPIC_UPDATED, id, null));
        return changed.size();
    }

    /** Adds and sets first, then removes, as paperless-ngx's bulk edit; returns the documents that changed. */
    private static Set<Long> modifyFields(EntityManager em, List<Long> documents, Map<Long, String> values,
            Set<Long> attach, Set<Long> remove) {
        Map<Long, Map<Long, CustomFieldInstanceEntity>> existing = new HashMap<>();
        em.createQuery("SELECT f FROM CustomFieldInstanceEntity f WHERE f.documentId IN :ids", CustomFieldInstanceEntity.class)
                .setParameter("ids", documents).getResultList()
                .forEach(f -> existing.computeIfAbsent(f.getDocumentId(), k -> new HashMap<>()).put(f.getFieldId(), f));
        Set<Long> changed = new TreeSet<>();
        for (long document : documents) {
            Map<Long, CustomFieldInstanceEntity> has = existing.getOrDefault(document, new HashMap<>());
            for (Map.Entry<Long, String> v : values.entrySet()) {
                CustomFieldInstanceEntity entity = has.get(v.getKey());
                if (remove.contains(v.getKey())) {
                    continue; // removed below
                } else if (entity == null) {
                    em.persist(DocumentMapper.toEntity(new CustomFieldInstance(null, document, v.getKey(), v.getValue()), document));
                    changed.add(document);
                } else if (!java.util.Objects.equals(entity.getValue(), v.getValue())) {
                    entity.setValue(v.getValue());
                    changed.add(document);
                }
            }
            for (long field : attach) {
                if (!values.containsKey(field) && !has.containsKey(field) && !remove.contains(field)) {
                    em.persist(DocumentMapper.toEntity(new CustomFieldInstance(null, document, field, null), document));
                    changed.add(document);
                }
            }
            for (long field : remove) {
                CustomFieldInstanceEntity entity = has.get(field);
                if (entity != null) {
                    em.remove(entity);
                    changed.add(document);
                }
            }
        }
        em.flush();
        return changed;
    }

    @Override
    public List<Document> moveToTrash(List<Long> ids) {
        Instant now = Instant.now();
        List<Document> moved = transactions.call(em -> DocumentTrash.moveIn(em, ids, now));
        moved.forEach(d -> announce(DocumentEvents.TOPIC_DELETED, d.id(), d.title()));
        return moved;
    }

    @Override
    public List<Trashed> trash() {
        return transactions.read(DocumentTrash::list);
    }

    @Override
    public Optional<Instant> trashedAt(long id) {
        return transactions.read(em -> Optional.ofNullable(em.find(DocumentEntity.class, id))
                .map(DocumentEntity::getDeletedAt).map(DocumentMapper::instant));
    }

    @Override
    public List<Document> restore(List<Long> ids) {
        List<Document> restored = transactions.call(em -> DocumentTrash.restore(em, ids));
        restored.forEach(d -> announce(DocumentEvents.TOPIC_ADDED, d.id(), d.title()));
        return restored;
    }

    @Override
    public List<Document> emptyTrash(List<Long> ids) {
        return removedForGood(transactions.call(em -> DocumentTrash.remove(em, ids)));
    }

    @Override
    public List<Document> emptyTrash(Instant olderThan) {
        return removedForGood(transactions.call(em -> DocumentTrash.removeOlderThan(em, olderThan)));
    }

    @Override
    public Duration emptyTrashDelay() {
        return emptyTrashDelay;
    }

    /** The rows are gone (committed): now the files, which nothing refers to any more. */
    private List<Document> removedForGood(List<Document> removed) {
        int files = 0;
        for (Document d : removed) {
            announce(DocumentEvents.TOPIC_DELETED, d.id(), d.title());
            files += DocumentFiles.delete(media, d);
        }
        if (!removed.isEmpty()) {
            LOG.info("Removed {} documents from the trash for good, with {} files", removed.size(), files);
        }
        return removed;
    }

    /** The row of a document outside the trash, for a change. */
    private static DocumentEntity live(EntityManager em, long id) {
        DocumentEntity entity = em.find(DocumentEntity.class, id);
        if (entity == null) {
            throw new NotFoundException("No document with id " + id);
        }
        if (entity.getDeletedAt() != null) {
            throw new NotFoundException("Document " + id + " is in the trash (paperless:trash restore " + id
                    + " brings it back)");
        }
        return entity;
    }

    private static Document complete(EntityManager em, DocumentEntity d) {
        List<Note> notes = em.createQuery("SELECT n FROM NoteEntity n WHERE n.documentId = :id ORDER BY n.id",
                NoteEntity.class).setParameter("id", d.getId()).getResultList().stream()
                .map(DocumentMapper::toRecord).toList();
        List<CustomFieldInstance> fields = em.createQuery(
                "SELECT f FROM CustomFieldInstanceEntity f WHERE f.documentId = :id ORDER BY f.id",
                CustomFieldInstanceEntity.class).setParameter("id", d.getId()).getResultList().stream()
                .map(DocumentMapper::toRecord).toList();
        return DocumentMapper.toRecord(d, notes, fields);
    }

    /** Documents with their notes and field values: two queries for the whole batch, not two per document. */
    private static List<Document> completeAll(EntityManager em, List<DocumentEntity> entities) {
        if (entities.isEmpty()) {
            return List.of();
        }
        long low = entities.get(0).getId();
        long high = entities.get(entities.size() - 1).getId();
        Map<Long, List<Note>> notes = em.createQuery(
                "SELECT n FROM NoteEntity n WHERE n.documentId BETWEEN :lo AND :hi ORDER BY n.id", NoteEntity.class)
                .setParameter("lo", Math.min(low, high)).setParameter("hi", Math.max(low, high)).getResultList()
                .stream().map(DocumentMapper::toRecord).collect(Collectors.groupingBy(Note::documentId));
        Map<Long, List<CustomFieldInstance>> fields = em.createQuery(
                "SELECT f FROM CustomFieldInstanceEntity f WHERE f.documentId BETWEEN :lo AND :hi ORDER BY f.id",
                CustomFieldInstanceEntity.class)
                .setParameter("lo", Math.min(low, high)).setParameter("hi", Math.max(low, high)).getResultList()
                .stream().map(DocumentMapper::toRecord).collect(Collectors.groupingBy(CustomFieldInstance::documentId));
        return entities.stream().map(d -> DocumentMapper.toRecord(d, notes.getOrDefault(d.getId(), List.of()),
                fields.getOrDefault(d.getId(), List.of()))).toList();
    }

    private static void checkSerialNumber(EntityManager em, Long asn) {
        if (asn == null) {
            return;
        }
        em.createQuery("SELECT d.id FROM DocumentEntity d WHERE d.archiveSerialNumber = :asn", Long.class)
                .setParameter("asn", asn).getResultList().stream().findFirst()
                .ifPresent(other -> {
                    throw new ConflictException("Archive serial number " + asn + " is already used by document " + other);
                });
    }
}
