package org.paperless.storage.internal.jpa;

import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

/**
 * One EntityManager and one resource-local transaction per call. Aries' JpaTemplate is not used: with
 * OpenJPA and RESOURCE_LOCAL, Aries never publishes it, so the EMF service is used directly.
 */
public final class Transactions {

    private final EntityManagerFactory factory;

    public Transactions(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /**
     * Runs the work in a transaction: committed when it returns, rolled back when it throws. Counts as a write
     * ({@link StoreChanges}): use {@link #read} for work that only reads.
     */
    public <R> R call(Function<EntityManager, R> work) {
        try {
            return run(work);
        } finally {
            StoreChanges.written();
        }
    }

    /**
     * Runs a write to what no kept answer reads (the task log, mail accounts, rules and processed mails): kept
     * lists and pages stay valid, so a scheduled mail check does not make every client's list be read again.
     */
    public <R> R callApart(Function<EntityManager, R> work) {
        return run(work);
    }

    /** Runs work that only reads, in a transaction of its own; kept answers stay valid. */
    public <R> R read(Function<EntityManager, R> work) {
        return run(work);
    }

    private <R> R run(Function<EntityManager, R> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            R result = work.apply(em);
            transaction.commit();
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            em.close();
        }
    }
}
