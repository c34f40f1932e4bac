package org.paperless.storage.internal.db;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.paperless.storage.internal.config.DatabaseSettings;
import org.postgresql.ds.PGSimpleDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Creates the DataSource from settings: Derby's own (embedded: a connection is cheap), PostgreSQL's behind a
 * pool (a new connection is a server process and a password exchange: without the pool, each transaction
 * opened one, and small transactions spent more time connecting than working).
 */
public final class DataSources {

    private static final String DERBY_PREFIX = "jdbc:derby:";

    private DataSources() {
    }

    public static DataSource create(DatabaseSettings settings) {
        return DatabaseSettings.DERBY.equals(settings.kind()) ? derby(settings.url()) : postgresql(settings);
    }

    /** Shuts an embedded Derby database down so its files are closed cleanly, closes a pool's connections. */
    public static void shutdown(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource pool) {
            pool.close();
        } else if (dataSource instanceof EmbeddedDataSource derby) {
            EmbeddedDataSource stop = derby(DERBY_PREFIX + derby.getDatabaseName());
            stop.setShutdownDatabase("shutdown");
            try {
                stop.getConnection().close();
            } catch (SQLException expected) {
                // Derby reports a successful shutdown as SQLState 08006
            }
        }
    }

    private static EmbeddedDataSource derby(String url) {
        // jdbc:derby:<name>[;attribute=value...]
        String rest = url.substring(DERBY_PREFIX.length());
        int semicolon = rest.indexOf(';');
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(semicolon < 0 ? rest : rest.substring(0, semicolon));
        if (semicolon >= 0 && semicolon < rest.length() - 1) {
            ds.setConnectionAttributes(rest.substring(semicolon + 1));
        }
        return ds;
    }

    private static HikariDataSource postgresql(DatabaseSettings settings) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(settings.url());
        if (settings.user() != null) {
            ds.setUser(settings.user());
        }
        if (settings.password() != null) {
            ds.setPassword(settings.password());
        }
        // A batch of inserts (a document's tags, an import) goes as one multi-row statement.
        ds.setReWriteBatchedInserts(true);
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(ds);
        pool.setPoolName("paperless");
        pool.setMaximumPoolSize(settings.poolSize());
        // Idle connections are given back to the server after a while; a few stay for the next request.
        pool.setMinimumIdle(Math.min(2, settings.poolSize()));
        // An unreachable server is reported by the first query, not by the component's activation, after
        // 10 s of trying (the pool's default is 30).
        pool.setInitializationFailTimeout(-1);
        pool.setConnectionTimeout(10_000);
        return new HikariDataSource(pool);
    }
}
