package org.paperless.storage.internal.jpa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.paperless.api.ConflictException;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.Document;
import org.paperless.api.NotFoundException;
import org.paperless.api.Note;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.SchemaMigrations;
import org.paperless.storage.internal.entity.CustomFieldInstanceEntity;
import org.paperless.storage.internal.entity.DocumentEntity;
import org.paperless.storage.internal.entity.NoteEntity;

/** Documents with their tags, notes and custom field values; deleting one cascades in the database. */
@Component(service = DocumentRepository.class)
public class DocumentRepositoryComponent implements DocumentRepository {

    private final Transactions transactions;

    /** @param migrations only referenced so that nothing uses JPA before the schema is current */
    @Activate
    public DocumentRepositoryComponent(@Reference(target = PersistenceUnit.TARGET) EntityManagerFactory factory,
            @Reference SchemaMigrations migrations) {
        this.transactions = new Transactions(factory);
    }

    @Override
    public long count() {
        return transactions.call(em -> em.createQuery("SELECT COUNT(d) FROM DocumentEntity d", Long.class)
                .getSingleResult());
    }

    @Override
    public List<Document> list(int offset, int limit) {
        return transactions.call(em -> em.createQuery("SELECT d FROM DocumentEntity d ORDER BY d.id", DocumentEntity.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(d -> DocumentMapper.toRecord(d, List.of(), List.of()))
                .toList());
    }

    @Override
    public Optional<Document> find(long id) {
        return transactions.call(em -> Optional.ofNullable(em.find(DocumentEntity.class, id)).map(d -> complete(em, d)));
    }

    @Override
    public Document create(Document document) {
        return create(document, stored -> stored);
    }

    @Override
    public Document create(Document document, FileStep files) {
        if (document.id() != null) {
            throw new IllegalArgumentException("a new document has no id yet (got " + document.id() + ")");
        }
        Instant now = Instant.now();
        return transactions.call(em -> {
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
        });
    }

    @Override
    public Optional<Document> findByChecksum(String checksum) {
        return transactions.call(em -> em.createQuery(
                "SELECT d FROM DocumentEntity d WHERE d.checksum = :c OR d.archiveChecksum = :c ORDER BY d.id",
                DocumentEntity.class).setParameter("c", checksum).setMaxResults(1).getResultList().stream()
                .findFirst().map(d -> complete(em, d)));
    }

    private static Document writeFiles(FileStep files, Document stored) {
        try {
            return files.write(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the files of document " + stored.id() + ": " + e.getMessage(), e);
        }
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
