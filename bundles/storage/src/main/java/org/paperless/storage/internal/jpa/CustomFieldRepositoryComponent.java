package org.paperless.storage.internal.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.paperless.api.ConflictException;
import org.paperless.api.CustomField;
import org.paperless.api.CustomField.SelectOption;
import org.paperless.api.CustomFieldType;
import org.paperless.api.NotFoundException;
import org.paperless.api.storage.CustomFieldRepository;
import org.paperless.api.storage.DocumentEvents;
import org.paperless.api.storage.SchemaMigrations;
import org.paperless.storage.internal.db.DatabaseComponent;
import org.paperless.storage.internal.entity.CustomFieldEntity;
import org.paperless.storage.internal.entity.CustomFieldInstanceEntity;
import org.paperless.storage.internal.jpa.CustomFieldExtras.Extras;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Custom field definitions; a name is taken once, whatever its case. */
@Component(service = CustomFieldRepository.class)
public class CustomFieldRepositoryComponent implements CustomFieldRepository {

    private final Transactions transactions;
    private final DataSource dataSource;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;

    private static final Logger LOG = LoggerFactory.getLogger(CustomFieldRepositoryComponent.class);

    /** @param migrations only referenced so that nothing uses JPA before the schema is current */
    @Activate
    public CustomFieldRepositoryComponent(@Reference(target = PersistenceUnit.TARGET) EntityManagerFactory factory,
            @Reference(target = "(" + DatabaseComponent.JNDI_NAME_PROPERTY + "=" + DatabaseComponent.JNDI_NAME + ")")
            DataSource dataSource, @Reference SchemaMigrations migrations) {
        this.transactions = new Transactions(factory);
        this.dataSource = dataSource;
    }

    @Override
    public List<CustomField> list() {
        Map<Long, Extras> extras = extras();
        return transactions.read(em -> em.createQuery("SELECT f FROM CustomFieldEntity f ORDER BY f.id",
                CustomFieldEntity.class).getResultList().stream().map(e -> toRecord(e, extras)).toList());
    }

    @Override
    public Optional<CustomField> find(long id) {
        Map<Long, Extras> extras = extras();
        return transactions.read(em -> Optional.ofNullable(em.find(CustomFieldEntity.class, id))
                .map(e -> toRecord(e, extras)));
    }

    /** On the schema before migration 8 (moved down, code not yet) fields have no options and no currency. */
    private Map<Long, Extras> extras() {
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            return CustomFieldExtras.read(c);
        } catch (SQLException e) {
            LOG.warn("Custom field options are not readable (schema before migration 8?): {}", e.getMessage());
            return Map.of();
        }
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
        String name = checkedName(em, field.name(), null);
        Extras extras = CustomFieldExtras.checked(field);
        CustomFieldEntity entity = new CustomFieldEntity();
        entity.setName(name);
        entity.setDataType(field.dataType().label());
        em.persist(entity);
        em.flush();
        writeExtras(em, entity.getId(), extras);
        return toRecord(entity, Map.of(entity.getId(), extras));
    }

    @Override
    public CustomField update(CustomField field) {
        Set<Long> touched = new TreeSet<>();
        CustomField updated = transactions.call(em -> {
            CustomFieldEntity entity = em.find(CustomFieldEntity.class, field.id());
            if (entity == null) {
                throw new NotFoundException("No custom field with id " + field.id());
            }
            String name = checkedName(em, field.name(), entity.getId());
            Extras extras = CustomFieldExtras.checked(field);
            List<CustomFieldInstanceEntity> values = em.createQuery(
                    "SELECT f FROM CustomFieldInstanceEntity f WHERE f.fieldId = :id", CustomFieldInstanceEntity.class)
                    .setParameter("id", entity.getId()).getResultList();
            boolean typeChanges = !entity.getDataType().equals(field.dataType().label());
            if (typeChanges && values.stream().anyMatch(v -> v.getValue() != null)) {
                throw new ConflictException("The data type of '" + entity.getName() + "' cannot change while documents"
                        + " have values for it");
            }
            Map<String, String> relabel = relabelling(readExtras(em).getOrDefault(entity.getId(), Extras.NONE), extras);
            for (CustomFieldInstanceEntity v : values) {
                if (v.getValue() != null && relabel.containsKey(v.getValue())) {
                    v.setValue(relabel.get(v.getValue()));
                    touched.add(v.getDocumentId());
                }
            }
            entity.setName(name);
            entity.setDataType(field.dataType().label());
            em.flush();
            writeExtras(em, entity.getId(), extras);
            return toRecord(entity, Map.of(entity.getId(), extras));
        });
        touched.forEach(this::announceUpdated);
        return updated;
    }

    /** Old label to new label for renamed options, to null for removed ones. */
    private static Map<String, String> relabelling(Extras before, Extras after) {
        Map<String, String> relabel = new HashMap<>();
        for (SelectOption old : before.options()) {
            String now = after.options().stream().filter(o -> o.id().equals(old.id())).map(SelectOption::label)
                    .findFirst().orElse(null);
            if (!old.label().equals(now)) {
                relabel.put(old.label(), now);
            }
        }
        return relabel;
    }

    @Override
    public boolean delete(long id) {
        List<Long> documents = transactions.call(em -> {
            CustomFieldEntity entity = em.find(CustomFieldEntity.class, id);
            if (entity == null) {
                return null;
            }
            List<Long> carrying = em.createQuery("SELECT f.documentId FROM CustomFieldInstanceEntity f WHERE f.fieldId = :id",
                    Long.class).setParameter("id", id).getResultList();
            em.createQuery("DELETE FROM CustomFieldInstanceEntity f WHERE f.fieldId = :id").setParameter("id", id)
                    .executeUpdate();
            em.remove(entity); // its options go with it (the foreign key cascades)
            return carrying;
        });
        if (documents == null) {
            return false;
        }
        documents.forEach(this::announceUpdated);
        return true;
    }

    @Override
    public Map<Long, Long> documentCounts() {
        Map<Long, Long> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT i.field_id, COUNT(*) FROM custom_field_instance i"
                        + " JOIN document d ON d.id = i.document_id WHERE d.deleted_at IS NULL GROUP BY i.field_id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getLong(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Counting the documents of custom fields failed: " + e.getMessage(), e);
        }
        return counts;
    }

    private static String checkedName(EntityManager em, String name, Long self) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a custom field needs a name");
        }
        String stripped = name.strip();
        if (stripped.length() > 128) {
            throw new IllegalArgumentException("a custom field's name has at most 128 characters");
        }
        boolean taken = em.createQuery("SELECT f.id FROM CustomFieldEntity f WHERE LOWER(f.name) = :name", Long.class)
                .setParameter("name", stripped.toLowerCase(Locale.ROOT)).getResultList().stream()
                .anyMatch(id -> !id.equals(self));
        if (taken) {
            throw new ConflictException("A custom field named '" + stripped + "' already exists");
        }
        return stripped;
    }

    private static Map<Long, Extras> readExtras(EntityManager em) {
        try {
            return CustomFieldExtras.read(em.unwrap(Connection.class));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading custom field options failed: " + e.getMessage(), e);
        }
    }

    private static void writeExtras(EntityManager em, long id, Extras extras) {
        try {
            CustomFieldExtras.write(em.unwrap(Connection.class), id, extras);
        } catch (SQLException e) {
            throw new IllegalStateException("Storing the options of custom field " + id + " failed: " + e.getMessage(), e);
        }
    }

    private void announceUpdated(long documentId) {
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(DocumentEvents.TOPIC_UPDATED, Map.of(DocumentEvents.DOCUMENT_ID, documentId)));
        }
    }

    private static CustomField toRecord(CustomFieldEntity e, Map<Long, Extras> extras) {
        Extras x = extras.getOrDefault(e.getId(), Extras.NONE);
        return new CustomField(e.getId(), e.getName(), CustomFieldType.parse(e.getDataType()), x.options(), x.currency());
    }
}
