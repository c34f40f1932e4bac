package org.paperless.storage.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.paperless.storage.internal.testsupport.TestConfig;

class SettingsResolverTest {

    private static StorageSettings resolve(Map<String, ?> config, Map<String, String> env, Properties system) {
        return new SettingsResolver(TestConfig.storage(config), env, system).resolve();
    }

    private static StorageSettings resolve(Map<String, ?> config, Map<String, String> env) {
        return resolve(config, env, new Properties());
    }

    @Test
    void defaultsToDerbyUnderDotData() {
        StorageSettings s = resolve(Map.of(), Map.of());
        Path data = Path.of("data").toAbsolutePath();
        assertEquals(new Folders(data, data.resolve("media"), data.resolve("consume"), data.resolve("index"),
                data.resolve("log")), s.folders());
        assertEquals(new DatabaseSettings("derby", "jdbc:derby:" + data.resolve("db") + ";create=true", null, null),
                s.database());
    }

    @Test
    void dataDirComesFromConfigThenSystemPropertyThenEnvironment() {
        Properties system = new Properties();
        system.setProperty(SettingsResolver.DATA_DIR_PROPERTY, "/sys");
        assertEquals(Path.of("/env"), resolve(Map.of(), Map.of("PAPERLESS_DATA_DIR", "/env"), new Properties())
                .folders().data());
        assertEquals(Path.of("/sys"), resolve(Map.of(), Map.of("PAPERLESS_DATA_DIR", "/env"), system).folders().data());
        assertEquals(Path.of("/cfg"), resolve(Map.of("dataDir", "/cfg"), Map.of("PAPERLESS_DATA_DIR", "/env"), system)
                .folders().data());
        assertEquals(Path.of("/sys"), resolve(Map.of("dataDir", "  "), Map.of("PAPERLESS_DATA_DIR", "/env"), system)
                .folders().data(), "an empty key falls back");
    }

    @Test
    void mediaAndConsumptionMoveOnTheirOwn() {
        Folders f = resolve(Map.of("dataDir", "/d", "consumptionDir", "/scans"), Map.of("PAPERLESS_MEDIA_ROOT", "/m"))
                .folders();
        assertEquals(Path.of("/m"), f.media());
        assertEquals(Path.of("/scans"), f.consumption());
        assertEquals(Path.of("/d/index"), f.index());
        assertEquals(Path.of("/m/originals"), f.originals());
    }

    @Test
    void theTrashIsEmptiedAfterThirtyDaysUnlessConfiguredOtherwise() {
        Properties none = new Properties();
        assertEquals(java.time.Duration.ofDays(30),
                new SettingsResolver(TestConfig.storage(Map.of()), Map.of(), none).emptyTrashDelay());
        assertEquals(java.time.Duration.ofDays(5), new SettingsResolver(TestConfig.storage(Map.of()),
                Map.of("PAPERLESS_EMPTY_TRASH_DELAY", "5"), none).emptyTrashDelay());
        assertEquals(java.time.Duration.ofDays(2), new SettingsResolver(TestConfig.storage(Map.of("emptyTrashDelay", "2")),
                Map.of("PAPERLESS_EMPTY_TRASH_DELAY", "5"), none).emptyTrashDelay(), "the key wins");
        assertEquals(java.time.Duration.ofDays(1), new SettingsResolver(TestConfig.storage(Map.of()),
                Map.of("PAPERLESS_EMPTY_TRASH_DELAY", "0"), none).emptyTrashDelay(), "at least a day, as in paperless-ngx");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SettingsResolver(
                TestConfig.storage(Map.of()), Map.of("PAPERLESS_EMPTY_TRASH_DELAY", "soon"), none).emptyTrashDelay());
        assertTrue(e.getMessage().startsWith("PAPERLESS_EMPTY_TRASH_DELAY / emptyTrashDelay"), e.getMessage());
    }

    @Test
    void aHostMeansPostgresql() {
        DatabaseSettings db = resolve(Map.of("dbPass", "secret"), Map.of("PAPERLESS_DBHOST", "db.local",
                "PAPERLESS_DBPORT", "5433", "PAPERLESS_DBNAME", "docs", "PAPERLESS_DBSSLMODE", "require")).database();
        assertEquals(new DatabaseSettings("postgresql", "jdbc:postgresql://db.local:5433/docs?sslmode=require",
                "paperless", "secret"), db);
        assertFalse(db.toString().contains("secret"));
    }

    @Test
    void thePoolOfPostgresqlConnectionsHasTenUnlessConfiguredOtherwise() {
        assertEquals(10, resolve(Map.of("dbHost", "h"), Map.of()).database().poolSize());
        assertEquals(4, resolve(Map.of("dbHost", "h"), Map.of("PAPERLESS_DB_POOLSIZE", "4")).database().poolSize());
        assertEquals(6, resolve(Map.of("dbHost", "h", "dbPoolSize", "6"), Map.of("PAPERLESS_DB_POOLSIZE", "4"))
                .database().poolSize());
        var e = assertThrows(IllegalArgumentException.class,
                () -> resolve(Map.of("dbHost", "h"), Map.of("PAPERLESS_DB_POOLSIZE", "0")));
        assertTrue(e.getMessage().startsWith("PAPERLESS_DB_POOLSIZE / dbPoolSize must be 1 to 1000"), e.getMessage());
    }

    @Test
    void theEngineAloneMeansPostgresqlOnLocalhost() {
        DatabaseSettings db = resolve(Map.of("dbEngine", "postgresql", "dbUser", "me"), Map.of()).database();
        assertEquals("jdbc:postgresql://localhost:5432/paperless?sslmode=prefer", db.url());
        assertEquals("me", db.user());
        assertNull(db.password());
    }

    @Test
    void anIpv6HostGetsBrackets() {
        assertTrue(resolve(Map.of("dbHost", "::1"), Map.of()).database().url().startsWith("jdbc:postgresql://[::1]:5432/"));
    }

    @Test
    void aFullUrlOverridesTheRest() {
        DatabaseSettings db = resolve(Map.of("dbUrl", "jdbc:postgresql://h/x?password=p", "dbHost", "ignored"), Map.of())
                .database();
        assertEquals("postgresql", db.kind());
        assertEquals("jdbc:postgresql://h/x?password=p", db.url());
        assertEquals("jdbc:postgresql://h/x?password=***", db.info().url());
        assertEquals("derby", resolve(Map.of("dbUrl", "jdbc:derby:memory:x;create=true"), Map.of()).database().kind());
    }

    @Test
    void refusesWhatItCannotUse() {
        assertThrows(IllegalArgumentException.class, () -> resolve(Map.of("dbEngine", "mariadb"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> resolve(Map.of("dbHost", "h", "dbPort", "x"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> resolve(Map.of("dbUrl", "jdbc:mysql://h/x"), Map.of()));
        var e = assertThrows(IllegalArgumentException.class, () -> resolve(Map.of("dbHost", "h"), Map.of("PAPERLESS_DBPORT", "pg")));
        assertEquals("PAPERLESS_DBPORT / dbPort must be a whole number, got 'pg'", e.getMessage());
    }
}
