package org.paperless.storage.internal.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Turns configuration keys, environment variables and system properties into settings. Pure: the
 * environment comes in as a map so tests do not depend on the real one.
 */
public final class SettingsResolver {

    public static final String DATA_DIR_PROPERTY = "paperless.data.dir";

    private final Map<String, ?> config;
    private final Map<String, String> env;
    private final Properties system;

    public SettingsResolver(Map<String, ?> config, Map<String, String> env, Properties system) {
        this.config = config;
        this.env = env;
        this.system = system;
    }

    /** With the real environment and system properties. */
    public static StorageSettings resolve(Map<String, ?> config) {
        return new SettingsResolver(config, System.getenv(), System.getProperties()).resolve();
    }

    public StorageSettings resolve() {
        // The launcher turns PAPERLESS_DATA_DIR into the system property, so the property (what the
        // instance was started with) wins over an environment variable inherited from elsewhere.
        Path data = absolute(firstOf(value("dataDir", null), blankToNull(system.getProperty(DATA_DIR_PROPERTY)),
                blankToNull(env.get("PAPERLESS_DATA_DIR")), "data"));
        Folders folders = new Folders(data,
                absolute(firstOf(value("mediaRoot", "PAPERLESS_MEDIA_ROOT"), data.resolve("media").toString())),
                absolute(firstOf(value("consumptionDir", "PAPERLESS_CONSUMPTION_DIR"), data.resolve("consume").toString())),
                data.resolve("index"),
                data.resolve("log"));
        return new StorageSettings(folders, database(data));
    }

    private DatabaseSettings database(Path data) {
        String user = firstOf(value("dbUser", "PAPERLESS_DBUSER"), "paperless");
        String password = value("dbPass", "PAPERLESS_DBPASS");
        String url = value("dbUrl", null);
        if (url != null) {
            return fromUrl(url, user, password);
        }
        String engine = value("dbEngine", "PAPERLESS_DBENGINE");
        String host = value("dbHost", "PAPERLESS_DBHOST");
        if (engine != null && !engine.equalsIgnoreCase(DatabaseSettings.DERBY)
                && !engine.equalsIgnoreCase(DatabaseSettings.POSTGRESQL)) {
            throw new IllegalArgumentException("dbEngine '" + engine + "' is not supported; use derby or postgresql");
        }
        // As in paperless-ngx, a database host means a database server: the host wins over the engine.
        if (host != null || DatabaseSettings.POSTGRESQL.equalsIgnoreCase(engine)) {
            return new DatabaseSettings(DatabaseSettings.POSTGRESQL, postgresUrl(host), user, password);
        }
        return new DatabaseSettings(DatabaseSettings.DERBY, "jdbc:derby:" + data.resolve("db") + ";create=true", null, null);
    }

    private String postgresUrl(String host) {
        String h = host == null ? "localhost" : host;
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]"; // an IPv6 address
        }
        String port = firstOf(value("dbPort", "PAPERLESS_DBPORT"), "5432");
        try {
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dbPort '" + port + "' is not a port number");
        }
        String name = firstOf(value("dbName", "PAPERLESS_DBNAME"), "paperless");
        String sslMode = firstOf(value("dbSslMode", "PAPERLESS_DBSSLMODE"), "prefer");
        return "jdbc:postgresql://" + h + ":" + port + "/" + name + "?sslmode=" + sslMode;
    }

    private static DatabaseSettings fromUrl(String url, String user, String password) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:derby:")) {
            return new DatabaseSettings(DatabaseSettings.DERBY, url, null, null);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return new DatabaseSettings(DatabaseSettings.POSTGRESQL, url, user, password);
        }
        throw new IllegalArgumentException("dbUrl must start with jdbc:derby: or jdbc:postgresql:");
    }

    /** The configuration key when set, else the environment variable when set, else null. */
    private String value(String key, String envName) {
        Object configured = config.get(key);
        String fromConfig = configured == null ? null : blankToNull(configured.toString());
        if (fromConfig != null || envName == null) {
            return fromConfig;
        }
        return blankToNull(env.get(envName));
    }

    private static String firstOf(String... candidates) {
        for (String c : candidates) {
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Path absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }
}
