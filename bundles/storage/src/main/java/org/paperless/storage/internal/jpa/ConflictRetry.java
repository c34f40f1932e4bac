package org.paperless.storage.internal.jpa;

import java.sql.SQLException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a failed transaction is run again: only after a transient conflict, which the database settled by
 * rolling the transaction back, and a bounded number of times. Derby reports such conflicts as 40001
 * (deadlock) and 40XL1/40XL2 (lock timeout), PostgreSQL as 40001 (serialization failure) and 40P01 (deadlock).
 */
final class ConflictRetry {

    static final int ATTEMPTS = 3;

    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40XL1", "40XL2", "40P01");
    private static final Logger LOG = LoggerFactory.getLogger(ConflictRetry.class);

    /** What happens before the next attempt; tests release the conflicting lock here. */
    @FunctionalInterface
    interface Pause {
        void before(int attempt) throws InterruptedException;
    }

    /** A little longer each time: whatever held the lock (a statement being compiled) is usually done in ms. */
    static final Pause BACK_OFF = attempt -> Thread.sleep(25L * (attempt - 1));

    private final int attempts;
    private final Pause pause;

    ConflictRetry(int attempts, Pause pause) {
        this.attempts = attempts;
        this.pause = pause;
    }

    /** True when the failed attempt is to be run again: a transient conflict, attempts left, no interrupt. */
    boolean again(int attempt, RuntimeException failure, String what) {
        SQLException conflict = transientCause(failure);
        if (conflict == null || attempt >= attempts) {
            return false;
        }
        LOG.warn("{} met a passing lock conflict in the database ({}: {}); trying again, attempt {} of {}", what,
                conflict.getSQLState(), conflict.getMessage(), attempt + 1, attempts);
        try {
            pause.before(attempt + 1);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The SQL exception in the causes that says the transaction lost a conflict, or null. */
    static SQLException transientCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && TRANSIENT_STATES.contains(sql.getSQLState())) {
                return sql;
            }
        }
        return null;
    }
}
