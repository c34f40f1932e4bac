package org.paperless.storage.internal.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.paperless.storage.internal.config.DatabaseSettings;
import org.paperless.storage.internal.db.DataSources;

/**
 * An empty database for one test: Derby in a temporary folder, or the PostgreSQL server named by
 * PAPERLESS_TEST_PG_URL (see scripts/pg-test-server.sh) with its public schema dropped first.
 * Without that URL the PostgreSQL tests are skipped, except on CI (CI=true) where they fail.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String PG_URL = "PAPERLESS_TEST_PG_URL";

    private final DataSource dataSource;

    private TestDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static TestDatabase open(Engine engine, Path tempDir) throws SQLException {
        if (engine == Engine.DERBY) {
            return new TestDatabase(DataSources.create(new DatabaseSettings(DatabaseSettings.DERBY,
                    "jdbc:derby:" + tempDir.resolve("db") + ";create=true", null, null)));
        }
        DataSource pg = DataSources.create(new DatabaseSettings(DatabaseSettings.POSTGRESQL, postgresUrl(),
                "paperless", "paperless"));
        try (Connection c = pg.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        return new TestDatabase(pg);
    }

    /** The test server's URL; skips the test when none is given (fails on CI). */
    public static String postgresUrl() {
        String url = System.getProperty(PG_URL, System.getenv(PG_URL));
        if (url == null || url.isBlank()) {
            String why = PG_URL + " is not set: start scripts/pg-test-server.sh and export its URL";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + " (on CI the PostgreSQL tests must not be skipped)");
            }
            Assumptions.abort(why);
        }
        return url;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Lower-case names of the user tables. */
    public Set<String> tables() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String schema = meta.getDatabaseProductName().startsWith("Apache Derby") ? "APP" : "public";
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    /** Lower-case names of a table's columns. */
    public Set<String> columns(String table) throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            boolean derby = meta.getDatabaseProductName().startsWith("Apache Derby");
            try (ResultSet rs = meta.getColumns(null, derby ? "APP" : "public",
                    derby ? table.toUpperCase(Locale.ROOT) : table, "%")) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }

    /** The columns of each index on a table, lower-case, in index order. */
    public Set<List<String>> indexColumns(String table) throws SQLException {
        Map<String, List<String>> byIndex = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            boolean derby = meta.getDatabaseProductName().startsWith("Apache Derby");
            try (ResultSet rs = meta.getIndexInfo(null, derby ? "APP" : "public",
                    derby ? table.toUpperCase(Locale.ROOT) : table, false, false)) {
                while (rs.next()) {
                    String index = rs.getString("INDEX_NAME");
                    if (index != null) {
                        List<String> columns = byIndex.computeIfAbsent(index, i -> new ArrayList<>());
                        int position = rs.getShort("ORDINAL_POSITION") - 1;
                        while (columns.size() <= position) {
                            columns.add(null);
                        }
                        columns.set(position, rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return new HashSet<>(byIndex.values());
    }

    /** Runs SQL statements (test data) in one transaction. */
    public void execute(String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : statements) {
                s.execute(sql);
            }
            c.commit();
        }
    }

    /** The single long an SQL query returns. */
    public long queryLong(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The single text an SQL query returns (null for SQL NULL). */
    public String queryText(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public void close() {
        DataSources.shutdown(dataSource);
    }
}
