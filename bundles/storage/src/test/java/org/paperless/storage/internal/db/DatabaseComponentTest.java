package org.paperless.storage.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.storage.DatabaseInfo;
import org.paperless.storage.internal.config.DatabaseSettings;
import org.paperless.storage.internal.testsupport.TestConfig;

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

    @Test
    void postgresqlWithoutAServerFailsOnConnectNotBefore() {
        DatabaseComponent db = new DatabaseComponent(new DatabaseSettings("postgresql",
                "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "paperless", "secret"));
        assertEquals(new DatabaseInfo("postgresql", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "paperless"),
                db.info());
        assertThrows(SQLException.class, db::getConnection);
    }
}
