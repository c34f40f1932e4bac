package org.paperless.storage.internal.jpa;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.paperless.api.Correspondent;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.SchemaMigrations;
import org.paperless.storage.internal.entity.CorrespondentEntity;

/** Deleting a correspondent leaves its documents without one (foreign key ON DELETE SET NULL). */
@Component(service = CorrespondentRepository.class)
public class CorrespondentRepositoryComponent extends ClassifyingRepository<Correspondent, CorrespondentEntity>
        implements CorrespondentRepository {

    /** @param migrations only referenced so that nothing uses JPA before the schema is current */
    @Activate
    public CorrespondentRepositoryComponent(@Reference(target = PersistenceUnit.TARGET) EntityManagerFactory factory,
            @Reference SchemaMigrations migrations) {
        super(factory, CorrespondentEntity.class, "correspondent");
    }

    @Override
    protected Correspondent toRecord(CorrespondentEntity e) {
        return new Correspondent(e.getId(), e.getName(), matching(e));
    }
}
