package org.paperless.consumer.internal;

import java.sql.SQLException;
import java.util.Set;

/**
 * A failed store that the database settled by rolling its transaction back, so that storing the document
 * again is expected to succeed: SQL state 40001 (a deadlock on Derby, a serialization failure on PostgreSQL),
 * 40P01 (a deadlock on PostgreSQL), 40XL1 or 40XL2 (a lock timeout on Derby). The repository's exceptions
 * keep the driver's SQLException among their causes.
 */
final class TransientConflict {

    private static final Set<String> STATES = Set.of("40001", "40P01", "40XL1", "40XL2");

    private TransientConflict() {
    }

    /** The SQL exception among the causes that names such a conflict, or null when the failure is another. */
    static SQLException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && STATES.contains(sql.getSQLState())) {
                return sql;
            }
        }
        return null;
    }
}
