package org.paperless.storage.internal.jpa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.paperless.api.Correspondent;
import org.paperless.api.CustomField;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.Document;
import org.paperless.api.DocumentType;
import org.paperless.api.StoragePath;
import org.paperless.api.Tag;
import org.paperless.api.SavedView;
import org.paperless.api.security.Grants;
import org.paperless.api.security.ObjectType;
import org.paperless.api.storage.CollectionImport;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.SchemaMigrations;
import org.paperless.storage.internal.entity.CustomFieldInstanceEntity;
import org.paperless.storage.internal.entity.DocumentEntity;

/**
 * One transaction for a whole collection. The repositories' own rules (unique names, the tag tree,
 * unique serial numbers) apply as they do one at a time; the persistence context is emptied every
 * {@value #CLEAR_EVERY} documents, so ten thousand documents need no more memory than a hundred.
 */
@Component(service = CollectionImport.class)
public class CollectionImportComponent implements CollectionImport {

    static final int CLEAR_EVERY = 100;

    private final Transactions transactions;
    private final CorrespondentRepositoryComponent correspondents;
    private final DocumentTypeRepositoryComponent types;
    private final StoragePathRepositoryComponent paths;
    private final TagRepositoryComponent tags;

    @Activate
    public CollectionImportComponent(@Reference(target = PersistenceUnit.TARGET) EntityManagerFactory factory,
            @Reference SchemaMigrations migrations) {
        this.transactions = new Transactions(factory);
        this.correspondents = new CorrespondentRepositoryComponent(factory, migrations);
        this.types = new DocumentTypeRepositoryComponent(factory, migrations);
        this.paths = new StoragePathRepositoryComponent(factory, migrations);
        this.tags = new TagRepositoryComponent(factory, migrations);
    }

    @Override
    public <R> R inOneTransaction(Work<R> work) throws IOException {
        try {
            return transactions.call(em -> {
                try {
                    return work.run(new JpaSession(em));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private final class JpaSession implements Session {

        private final EntityManager em;
        private final Instant now = Instant.now();
        private int documents;

        JpaSession(EntityManager em) {
            this.em = em;
        }

        @Override
        public boolean empty() {
            for (String entity : new String[] {"DocumentEntity", "CorrespondentEntity", "TagEntity", "DocumentTypeEntity",
                    "StoragePathEntity", "CustomFieldEntity"}) {
                if (em.createQuery("SELECT COUNT(e) FROM " + entity + " e", Long.class).getSingleResult() > 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Correspondent add(Correspondent correspondent) {
            return correspondents.createIn(em, correspondent);
        }

        @Override
        public DocumentType add(DocumentType type) {
            return types.createIn(em, type);
        }

        @Override
        public StoragePath add(StoragePath path) {
            return paths.createIn(em, path);
        }

        @Override
        public Tag add(Tag tag) {
            return tags.createIn(em, tag);
        }

        @Override
        public CustomField add(CustomField field) {
            return CustomFieldRepositoryComponent.createIn(em, field);
        }

        @Override
        public Document add(Document document, DocumentRepository.FileStep files) throws IOException {
            DocumentEntity entity = DocumentRepositoryComponent.persist(em, document, now);
            Document named = files.write(new Document(entity.getId(), document.title(), document.content(),
                    document.correspondentId(), document.documentTypeId(), document.storagePathId(), document.tagIds(),
                    document.created(), document.modified(), document.added(), document.checksum(),
                    document.archiveChecksum(), document.archiveSerialNumber(), document.filename(),
                    document.archiveFilename(), document.originalFilename(), document.mimeType(), document.pageCount(),
                    document.owner(), document.notes(), document.customFields()));
            entity.setFilename(named.filename());
            entity.setArchiveFilename(named.archiveFilename());
            entity.setChecksum(named.checksum());
            entity.setArchiveChecksum(named.archiveChecksum());
            if (++documents % CLEAR_EVERY == 0) {
                em.flush();
                em.clear();
            }
            return named;
        }

        @Override
        public void own(ObjectType type, long id, String owner) {
            if (type == ObjectType.DOCUMENT) {
                throw new IllegalArgumentException("a document's owner comes with the document");
            }
            if (owner != null) {
                insert(PermissionRepositoryComponent.INSERT_OWNER, type.key(), id, owner);
            }
        }

        @Override
        public SavedView add(SavedView view) {
            em.flush();
            // The transaction's own connection: the view is stored, or not, with everything else.
            try (java.sql.Connection c = em.unwrap(java.sql.Connection.class)) {
                return SavedViewRepositoryComponent.insert(c, view);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Storing saved view '" + view.name() + "' failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void grant(ObjectType type, long id, Grants grants) {
            for (Object[] row : PermissionRepositoryComponent.rows(type, id, grants)) {
                insert(PermissionRepositoryComponent.INSERT_GRANT, row);
            }
        }

        private void insert(String sql, Object... values) {
            javax.persistence.Query query = em.createNativeQuery(sql);
            for (int i = 0; i < values.length; i++) {
                query.setParameter(i + 1, values[i]);
            }
            query.executeUpdate();
        }

        @Override
        public CustomFieldInstance add(CustomFieldInstance value) {
            CustomFieldInstanceEntity entity = DocumentMapper.toEntity(value, value.documentId());
            em.persist(entity);
            em.flush();
            return new CustomFieldInstance(entity.getId(), value.documentId(), value.fieldId(), value.value());
        }
    }
}
