package org.paperless.storage.internal.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.paperless.api.config.Settings;

/**
 * Turns configuration keys, environment variables and system properties into settings. Pure: the
 * environment comes in as a map so tests do not depend on the real one.
 */
public final class SettingsResolver {

    public static final String DATA_DIR_PROPERTY = "paperless.data.dir";
    public static final int DEFAULT_EMPTY_TRASH_DAYS = 30;

    private enum Engine { DERBY, POSTGRESQL }

    private final StorageConfig config;
    private final Settings settings;
    private final Properties system;

    public SettingsResolver(StorageConfig config, Map<String, String> env, Properties system) {
        this.config = config;
        this.settings = Settings.of(env::get);
        this.system = system;
    }

    /** With the real environment and system properties. */
    public static SettingsResolver of(StorageConfig config) {
        return new SettingsResolver(config, System.getenv(), System.getProperties());
    }

    /** With the real environment and system properties. */
    public static StorageSettings resolve(StorageConfig config) {
        return new SettingsResolver(config, System.getenv(), System.getProperties()).resolve();
    }

    public StorageSettings resolve() {
        // The launcher turns PAPERLESS_DATA_DIR into the system property, so the property (what the
        // instance was started with) wins over an environment variable inherited from elsewhere.
        String configured = config.dataDir().isBlank() ? system.getProperty(DATA_DIR_PROPERTY) : config.dataDir();
        Path data = absolute(settings.string("dataDir", configured, "PAPERLESS_DATA_DIR", "data"));
        Folders folders = new Folders(data,
                absolute(settings.string("mediaRoot", config.mediaRoot(), "PAPERLESS_MEDIA_ROOT", data.resolve("media").toString())),
                absolute(settings.string("consumptionDir", config.consumptionDir(), "PAPERLESS_CONSUMPTION_DIR",
                        data.resolve("consume").toString())),
                data.resolve("index"),
                data.resolve("log"));
        return new StorageSettings(folders, database(data));
    }

    /** Days in the trash before a document is removed for good; at least one, as in paperless-ngx. */
    public Duration emptyTrashDelay() {
        int days = settings.integer("emptyTrashDelay", config.emptyTrashDelay(), "PAPERLESS_EMPTY_TRASH_DELAY",
                DEFAULT_EMPTY_TRASH_DAYS);
        return Duration.ofDays(Math.max(1, days));
    }

    private DatabaseSettings database(Path data) {
        String user = settings.string("dbUser", config.dbUser(), "PAPERLESS_DBUSER", "paperless");
        String password = settings.string("dbPass", config.dbPass(), "PAPERLESS_DBPASS", null);
        int pool = settings.integer("dbPoolSize", config.dbPoolSize(), "PAPERLESS_DB_POOLSIZE",
                DatabaseSettings.DEFAULT_POOL_SIZE);
        if (pool < 1 || pool > 1000) {
            throw new IllegalArgumentException("PAPERLESS_DB_POOLSIZE / dbPoolSize must be 1 to 1000 connections, got " + pool);
        }
        String url = settings.string("dbUrl", config.dbUrl(), null, null);
        if (url != null) {
            return fromUrl(url, user, password, pool);
        }
        Engine engine = settings.choice("dbEngine", config.dbEngine(), "PAPERLESS_DBENGINE", Engine.class, null);
        String host = settings.string("dbHost", config.dbHost(), "PAPERLESS_DBHOST", null);
        // As in paperless-ngx, a database host means a database server: the host wins over the engine.
        if (host != null || engine == Engine.POSTGRESQL) {
            return new DatabaseSettings(DatabaseSettings.POSTGRESQL, postgresUrl(host), user, password, pool);
        }
        return new DatabaseSettings(DatabaseSettings.DERBY, "jdbc:derby:" + data.resolve("db") + ";create=true", null, null);
    }

    private String postgresUrl(String host) {
        String h = host == null ? "localhost" : host;
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]"; // an IPv6 address
        }
        int port = settings.integer("dbPort", config.dbPort(), "PAPERLESS_DBPORT", 5432);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("PAPERLESS_DBPORT / dbPort must be a port number (1-65535), got " + port);
        }
        String name = settings.string("dbName", config.dbName(), "PAPERLESS_DBNAME", "paperless");
        String sslMode = settings.string("dbSslMode", config.dbSslMode(), "PAPERLESS_DBSSLMODE", "prefer");
        return "jdbc:postgresql://" + h + ":" + port + "/" + name + "?sslmode=" + sslMode;
    }

    private static DatabaseSettings fromUrl(String url, String user, String password, int pool) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:derby:")) {
            return new DatabaseSettings(DatabaseSettings.DERBY, url, null, null);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return new DatabaseSettings(DatabaseSettings.POSTGRESQL, url, user, password, pool);
        }
        throw new IllegalArgumentException("dbUrl must start with jdbc:derby: or jdbc:postgresql:");
    }

    private static Path absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }
}
