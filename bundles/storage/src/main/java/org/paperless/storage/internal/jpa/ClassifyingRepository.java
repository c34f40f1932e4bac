package org.paperless.storage.internal.jpa;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.paperless.api.ClassifyingObject;
import org.paperless.api.ConflictException;
import org.paperless.api.Matching;
import org.paperless.api.MatchingAlgorithm;
import org.paperless.api.NotFoundException;
import org.paperless.api.storage.ObjectRepository;
import org.paperless.storage.internal.entity.NamedEntity;

/**
 * What the correspondent, tag, document type and storage path repositories share: CRUD, names unique
 * per kind ignoring case, the matching columns. A subclass maps its own fields and adds its rules.
 */
public abstract class ClassifyingRepository<T extends ClassifyingObject, E extends NamedEntity>
        implements ObjectRepository<T> {

    protected final Transactions transactions;
    private final Class<E> entityClass;
    private final String kind;

    protected ClassifyingRepository(EntityManagerFactory factory, Class<E> entityClass, String kind) {
        this.transactions = new Transactions(factory);
        this.entityClass = entityClass;
        this.kind = kind;
    }

    /** The record for a stored row; {@link #matching(NamedEntity)} helps. */
    protected abstract T toRecord(E entity);

    /** Copies the fields beyond name and matching into the row; most kinds have none. */
    protected void copyOwnFields(T object, E entity) {
    }

    /** Rules beyond the unique name, checked in the writing transaction. */
    protected void checkRules(EntityManager em, T object) {
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public List<T> list() {
        // Sorted here: JPQL cannot ORDER BY LOWER(...), and the databases' collations differ anyway.
        return transactions.read(em -> em.createQuery("SELECT e FROM " + entityName() + " e ORDER BY e.id", entityClass)
                .getResultList().stream().map(this::toRecord)
                .sorted(Comparator.comparing(ClassifyingObject::name, String.CASE_INSENSITIVE_ORDER))
                .toList());
    }

    @Override
    public long count() {
        return transactions.read(em -> em.createQuery("SELECT COUNT(e) FROM " + entityName() + " e", Long.class)
                .getSingleResult());
    }

    @Override
    public Optional<T> find(long id) {
        return transactions.read(em -> Optional.ofNullable(em.find(entityClass, id)).map(this::toRecord));
    }

    @Override
    public Optional<T> findByName(String name) {
        return transactions.read(em -> byName(em, name).map(this::toRecord));
    }

    @Override
    public T create(T object) {
        if (object.id() != null) {
            throw new IllegalArgumentException("a new " + kind + " has no id yet (got " + object.id() + ")");
        }
        return transactions.call(em -> createIn(em, object));
    }

    /** {@link #create} inside a transaction someone else runs (a whole collection's import). */
    public T createIn(EntityManager em, T object) {
        checkUniqueName(em, object);
        checkRules(em, object);
        E entity = newEntity();
        copy(object, entity);
        em.persist(entity);
        em.flush();
        return toRecord(entity);
    }

    @Override
    public T update(T object) {
        if (object.id() == null) {
            throw new IllegalArgumentException("which " + kind + " to update? The id is missing");
        }
        return transactions.call(em -> {
            E entity = existing(em, object.id());
            checkUniqueName(em, object);
            checkRules(em, object);
            copy(object, entity);
            em.flush();
            return toRecord(entity);
        });
    }

    @Override
    public void delete(long id) {
        transactions.call(em -> {
            E entity = existing(em, id);
            em.remove(entity);
            return null;
        });
    }

    protected static Matching matching(NamedEntity entity) {
        return new Matching(entity.getMatchPattern(), MatchingAlgorithm.fromCode(entity.getMatchingAlgorithm()),
                entity.isInsensitive());
    }

    private void copy(T object, E entity) {
        entity.setName(object.name());
        entity.setMatchPattern(object.matching().match());
        entity.setMatchingAlgorithm(object.matching().algorithm().code());
        entity.setInsensitive(object.matching().insensitive());
        copyOwnFields(object, entity);
    }

    private E newEntity() {
        try {
            return entityClass.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + entityClass.getSimpleName(), e);
        }
    }

    private E existing(EntityManager em, long id) {
        E entity = em.find(entityClass, id);
        if (entity == null) {
            throw new NotFoundException("No " + kind + " with id " + id);
        }
        return entity;
    }

    private void checkUniqueName(EntityManager em, T object) {
        byName(em, object.name())
                .filter(other -> !other.getId().equals(object.id()))
                .ifPresent(other -> {
                    throw new ConflictException("A " + kind + " named '" + other.getName() + "' already exists (id "
                            + other.getId() + ")");
                });
    }

    private Optional<E> byName(EntityManager em, String name) {
        return em.createQuery("SELECT e FROM " + entityName() + " e WHERE LOWER(e.name) = :name", entityClass)
                .setParameter("name", name.strip().toLowerCase(Locale.ROOT))
                .getResultList().stream().findFirst();
    }

    private String entityName() {
        return entityClass.getSimpleName();
    }
}
