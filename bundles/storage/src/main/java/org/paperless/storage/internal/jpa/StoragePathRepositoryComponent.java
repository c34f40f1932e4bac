package org.paperless.storage.internal.jpa;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.paperless.api.StoragePath;
import org.paperless.api.storage.SchemaMigrations;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.storage.internal.entity.StoragePathEntity;

/** Deleting a storage path leaves its documents without one (foreign key ON DELETE SET NULL). */
@Component(service = StoragePathRepository.class)
public class StoragePathRepositoryComponent extends ClassifyingRepository<StoragePath, StoragePathEntity>
        implements StoragePathRepository {

    /** @param migrations only referenced so that nothing uses JPA before the schema is current */
    @Activate
    public StoragePathRepositoryComponent(@Reference(target = PersistenceUnit.TARGET) EntityManagerFactory factory,
            @Reference SchemaMigrations migrations) {
        super(factory, StoragePathEntity.class, "storage path");
    }

    @Override
    protected StoragePath toRecord(StoragePathEntity e) {
        return new StoragePath(e.getId(), e.getName(), e.getPathFormat(), matching(e));
    }

    @Override
    protected void copyOwnFields(StoragePath object, StoragePathEntity entity) {
        entity.setPathFormat(object.path());
    }
}
