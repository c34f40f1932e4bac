package org.paperless.storage.internal.db;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.paperless.storage.internal.config.DatabaseSettings;
import org.postgresql.ds.PGSimpleDataSource;

/** Creates the driver's own DataSource from settings; no pool (Derby is embedded, PostgreSQL is local). */
public final class DataSources {

    private static final String DERBY_PREFIX = "jdbc:derby:";

    private DataSources() {
    }

    public static DataSource create(DatabaseSettings settings) {
        return DatabaseSettings.DERBY.equals(settings.kind()) ? derby(settings.url()) : postgresql(settings);
    }

    /** Shuts an embedded Derby database down so its files are closed cleanly; no-op for others. */
    public static void shutdown(DataSource dataSource) {
        if (dataSource instanceof EmbeddedDataSource derby) {
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

    private static PGSimpleDataSource postgresql(DatabaseSettings settings) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(settings.url());
        if (settings.user() != null) {
            ds.setUser(settings.user());
        }
        if (settings.password() != null) {
            ds.setPassword(settings.password());
        }
        return ds;
    }
}
