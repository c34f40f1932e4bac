package org.paperless.storage.internal.config;

import org.paperless.api.storage.DatabaseInfo;

/** The resolved database: kind ("derby" or "postgresql"), JDBC URL, user and password (both may be null). */
public record DatabaseSettings(String kind, String url, String user, String password) {

    public static final String DERBY = "derby";
    public static final String POSTGRESQL = "postgresql";

    /** What may be shown: the URL without a password parameter, and no password. */
    public DatabaseInfo info() {
        return new DatabaseInfo(kind, url.replaceAll("(?i)([?&;])password=[^&;]*", "$1password=***"), user);
    }

    @Override
    public String toString() {
        DatabaseInfo info = info();
        return "DatabaseSettings[" + info.kind() + ", " + info.url() + ", user " + info.user() + "]";
    }
}
