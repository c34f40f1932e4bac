package org.paperless.storage.internal.jpa;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.paperless.api.DocumentType;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.SchemaMigrations;
import org.paperless.storage.internal.entity.DocumentTypeEntity;

/** Deleting a document type leaves its documents without one (foreign key ON DELETE SET NULL). */
@Component(service = DocumentTypeRepository.class)
public class DocumentTypeRepositoryComponent extends ClassifyingRepository<DocumentType, DocumentTypeEntity>
        implements DocumentTypeRepository {

    /** @param migrations only referenced so that nothing uses JPA before the schema is current */
    @Activate
    public DocumentTypeRepositoryComponent(@Reference(target = PersistenceUnit.TARGET) EntityManagerFactory factory,
            @Reference SchemaMigrations migrations) {
        super(factory, DocumentTypeEntity.class, "document type");
    }

    @Override
    protected DocumentType toRecord(DocumentTypeEntity e) {
        return new DocumentType(e.getId(), e.getName(), matching(e));
    }
}
