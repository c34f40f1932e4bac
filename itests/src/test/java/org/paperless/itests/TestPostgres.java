package org.paperless.itests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL server that ./paperless test starts (scripts/pg-test-server.sh). Each test class gets
 * a database of its own. Without the server the tests fail: they are never skipped.
 */
final class TestPostgres {

    static final String USER = "paperless";
    static final String PASSWORD = "paperless";

    private TestPostgres() {
    }

    static String serverUrl() {
        String url = System.getProperty("PAPERLESS_TEST_PG_URL", System.getenv("PAPERLESS_TEST_PG_URL"));
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("No PostgreSQL test server: run ./paperless test, or start one with "
                    + "scripts/pg-test-server.sh start and export PAPERLESS_TEST_PG_URL");
        }
        return url;
    }

    static String freshDatabase() throws Exception {
        String server = serverUrl();
        String name = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(server, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return server.substring(0, server.lastIndexOf('/') + 1) + name;
    }
}
