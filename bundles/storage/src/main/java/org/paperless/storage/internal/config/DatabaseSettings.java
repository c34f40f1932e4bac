package org.paperless.storage.internal.config;

import org.paperless.api.storage.DatabaseInfo;

/**
 * The resolved database: kind ("derby" or "postgresql"), JDBC URL, user and password (both may be null), and
 * the most connections a PostgreSQL pool keeps open.
 */
public record DatabaseSettings(String kind, String url, String user, String password, int poolSize) {

    public static final String DERBY = "derby";
    public static final String POSTGRESQL = "postgresql";
    public static final int DEFAULT_POOL_SIZE = 10;

    public DatabaseSettings(String kind, String url, String user, String password) {
        this(kind, url, user, password, DEFAULT_POOL_SIZE);
    }

    /** What may be shown: the URL without a password parameter, and no password. */
    public DatabaseInfo info() {
        return new DatabaseInfo(kind, url.replaceAll("(?i)([?&;])password=[^&;]*", "$1password=***"), user);
    }

    @Override
    public String toString() {
        DatabaseInfo info = info();
        return "DatabaseSettings[" + info.kind() + ", " + info.url() + ", user " + info.user()
                + (POSTGRESQL.equals(kind) ? ", pool of " + poolSize : "") + "]";
    }
}
