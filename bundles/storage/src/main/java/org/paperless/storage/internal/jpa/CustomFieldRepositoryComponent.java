package org.paperless.storage.internal.jpa;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.paperless.api.ConflictException;
import org.paperless.api.CustomField;
import org.paperless.api.CustomFieldType;
import org.paperless.api.storage.CustomFieldRepository;
import org.paperless.api.storage.SchemaMigrations;
import org.paperless.storage.internal.entity.CustomFieldEntity;

/** Custom field definitions; a name is taken once, whatever its case. */
@Component(service = CustomFieldRepository.class)
public class CustomFieldRepositoryComponent implements CustomFieldRepository {

    private final Transactions transactions;

    /** @param migrations only referenced so that nothing uses JPA before the schema is current */
    @Activate
    public CustomFieldRepositoryComponent(@Reference(target = PersistenceUnit.TARGET) EntityManagerFactory factory,
            @Reference SchemaMigrations migrations) {
        this.transactions = new Transactions(factory);
    }

    @Override
    public List<CustomField> list() {
        return transactions.call(em -> em.createQuery("SELECT f FROM CustomFieldEntity f ORDER BY f.id",
                CustomFieldEntity.class).getResultList().stream().map(CustomFieldRepositoryComponent::toRecord).toList());
    }

    @Override
    public Optional<CustomField> find(long id) {
        return transactions.call(em -> Optional.ofNullable(em.find(CustomFieldEntity.class, id))
                .map(CustomFieldRepositoryComponent::toRecord));
    }

    @Override
    public CustomField create(CustomField field) {
        return transactions.call(em -> createIn(em, field));
    }

    /** {@link #create} inside a transaction someone else runs. */
    static CustomField createIn(EntityManager em, CustomField field) {
        if (field.id() != null) {
            throw new IllegalArgumentException("a new custom field has no id yet (got " + field.id() + ")");
        }
        if (field.name() == null || field.name().isBlank()) {
            throw new IllegalArgumentException("a custom field needs a name");
        }
        boolean taken = !em.createQuery("SELECT f.id FROM CustomFieldEntity f WHERE LOWER(f.name) = :name", Long.class)
                .setParameter("name", field.name().strip().toLowerCase(Locale.ROOT)).getResultList().isEmpty();
        if (taken) {
            throw new ConflictException("A custom field named '" + field.name() + "' already exists");
        }
        CustomFieldEntity entity = new CustomFieldEntity();
        entity.setName(field.name().strip());
        entity.setDataType(field.dataType().label());
        em.persist(entity);
        em.flush();
        return toRecord(entity);
    }

    private static CustomField toRecord(CustomFieldEntity e) {
        return new CustomField(e.getId(), e.getName(), CustomFieldType.parse(e.getDataType()));
    }
}
