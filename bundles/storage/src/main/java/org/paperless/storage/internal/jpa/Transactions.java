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

    /** Runs the work in a transaction: committed when it returns, rolled back when it throws. */
    public <R> R call(Function<EntityManager, R> work) {
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
