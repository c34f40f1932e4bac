package org.paperless.storage.internal.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.paperless.storage.internal.jpa.StoredDocuments.consumed;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperless.storage.internal.testsupport.DatabaseTestBase;
import org.paperless.storage.internal.testsupport.Engine;

/**
 * The refusal seen under load, provoked on purpose: Derby takes the next block of a table's identity values
 * in a nested transaction that does not wait for locks, and answers LOCK_TIMEOUT (40XL1) at once when another
 * transaction holds a lock on the table's row in SYS.SYSSEQUENCES (compiling an INSERT or UPDATE of the table
 * holds one; here a repeatable-read SELECT does). The first INSERT into a new table takes the first block.
 */
class ConflictRetryDerbyTest extends DatabaseTestBase {

    private StoredDocuments stored;
    private Connection other;
    private final List<Integer> pauses = new CopyOnWriteArrayList<>();
    private final AtomicInteger fileSteps = new AtomicInteger();

    ConflictRetryDerbyTest() {
        super(Engine.DERBY);
    }

    @BeforeEach
    void setUp() throws Exception {
        stored = new StoredDocuments(db.dataSource(), tempDir);
        other = db.dataSource().getConnection();
        other.setAutoCommit(false);
    }

    @AfterEach
    void tearDown() throws SQLException {
        if (other != null) {
            other.rollback();
            other.close();
        }
        if (stored != null) {
            stored.close();
        }
    }

    @Test
    void aDocumentWhoseNextIdsAreLockedForAMomentIsStoredOnTheNextAttempt() throws Exception {
        lockTheIdentityRows();
        stored.repository.retry = new ConflictRetry(ConflictRetry.ATTEMPTS, attempt -> {
            pauses.add(attempt);
            commitOther();
        });

        long id = stored.repository.create(consumed(1), withId -> {
            fileSteps.incrementAndGet();
            return withId.withFilenames("0000001.pdf", null);
        }).id();

        assertEquals(List.of(2), pauses, "the first attempt lost the conflict");
        assertEquals(1, fileSteps.get(), "the file step ran once, in the attempt that stored the row");
        assertEquals("0000001.pdf", stored.repository.get(id).filename());
    }

    @Test
    void aCreateGivesUpAfterThreeConflictsWithoutEverStartingTheFileStep() throws Exception {
        lockTheIdentityRows();
        stored.repository.retry = new ConflictRetry(ConflictRetry.ATTEMPTS, pauses::add);

        RuntimeException failure = assertThrows(RuntimeException.class, () -> stored.repository.create(consumed(1),
                withId -> {
                    fileSteps.incrementAndGet();
                    return withId;
                }));

        assertEquals(List.of(2, 3), pauses);
        assertEquals(0, fileSteps.get());
        // What the caller sees: the SQL state that says the conflict may pass, in the causes of the failure.
        assertEquals("40XL1", ConflictRetry.transientCause(failure).getSQLState());
        other.commit();
        assertEquals(0, stored.repository.count());
    }

    @Test
    void aConflictOnceTheFilesAreBeingWrittenIsLeftToTheCaller() throws Exception {
        try (Statement s = other.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '1')");
            other.commit();
            // Not committed: setting the same file name waits for this row's fate, then times out.
            s.executeUpdate("INSERT INTO document (title, modified, added, checksum, filename) "
                    + "VALUES ('Other', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'other', 'taken.pdf')");
        }
        stored.repository.retry = new ConflictRetry(ConflictRetry.ATTEMPTS, pauses::add);

        RuntimeException failure = assertThrows(RuntimeException.class, () -> stored.repository.create(consumed(1),
                withId -> {
                    fileSteps.incrementAndGet();
                    return withId.withFilenames("taken.pdf", null);
                }));

        assertEquals(1, fileSteps.get(), "not run again here: the files of the attempt are the caller's to undo");
        assertEquals(List.of(), pauses);
        assertNotNull(ConflictRetry.transientCause(failure), "but the caller can tell it may pass: " + failure);
    }

    /** Reads SYS.SYSSEQUENCES the way Derby advises against: the shared locks stay until the commit. */
    private void lockTheIdentityRows() throws SQLException {
        other.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement s = other.createStatement();
             ResultSet rs = s.executeQuery("SELECT SEQUENCENAME, CURRENTVALUE FROM SYS.SYSSEQUENCES")) {
            while (rs.next()) {
                rs.getString(1);
            }
        }
    }

    private void commitOther() {
        try {
            other.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
