package org.paperless.storage.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.storage.DatabaseInfo;
import org.paperless.storage.internal.config.DatabaseSettings;
import org.paperless.storage.internal.testsupport.TestConfig;
import org.paperless.storage.internal.testsupport.TestDatabase;

class DatabaseComponentTest {

    @TempDir
    Path dir;

    @Test
    void derbyFromTheConfiguredDataFolder() throws SQLException {
        DatabaseComponent db = new DatabaseComponent(TestConfig.storage(Map.of("dataDir", dir.toString())));
        String url = "jdbc:derby:" + dir.resolve("db") + ";create=true";
        assertEquals(new DatabaseInfo("derby", url, null), db.info());
        try (Connection c = db.getConnection()) {
            assertTrue(c.isValid(1));
        }
        assertTrue(db.isWrapperFor(EmbeddedDataSource.class));
        db.deactivate();
        // shut down cleanly: the files are closed and the database opens again
        DatabaseComponent again = new DatabaseComponent(TestConfig.storage(Map.of("dataDir", dir.toString())));
        try (Connection c = again.getConnection()) {
            assertTrue(c.isValid(1));
        }
        again.deactivate();
    }

    /** One server process per connection: the same few serve one transaction after another, at most the pool's size. */
    @Test
    void postgresqlConnectionsAreKeptAndBounded() throws SQLException {
        DatabaseComponent db = new DatabaseComponent(new DatabaseSettings("postgresql", TestDatabase.postgresUrl(),
                "paperless", "paperless", 3));
        try {
            Set<Integer> oneAfterTheOther = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                try (Connection c = db.getConnection()) {
                    oneAfterTheOther.add(backend(c));
                }
            }
            assertTrue(oneAfterTheOther.size() <= 2, "a new server process for each connection: " + oneAfterTheOther);
            List<Connection> held = new ArrayList<>();
            try {
                Set<Integer> atOnce = new HashSet<>();
                for (int i = 0; i < 3; i++) {
                    held.add(db.getConnection());
                    atOnce.add(backend(held.get(i)));
                }
                assertEquals(3, atOnce.size());
                SQLException e = assertThrows(SQLException.class, db::getConnection);
                assertTrue(e.getMessage().contains("not available"), e.getMessage());
            } finally {
                for (Connection c : held) {
                    c.close();
                }
            }
        } finally {
            db.deactivate();
        }
    }

    private static int backend(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void postgresqlWithoutAServerFailsOnConnectNotBefore() {
        DatabaseComponent db = new DatabaseComponent(new DatabaseSettings("postgresql",
                "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "paperless", "secret"));
        assertEquals(new DatabaseInfo("postgresql", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "paperless"),
                db.info());
        assertThrows(SQLException.class, db::getConnection);
    }
}
