package org.paperless.storage.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the storage bundle (PID {@value #PID}). Every key left empty falls back to the
 * paperless-ngx environment variable named in its description, then to the default.
 */
@ObjectClassDefinition(id = StorageConfig.PID, name = "Paperless storage",
        description = "Data folders and database. Empty keys fall back to the PAPERLESS_* environment variables.")
public @interface StorageConfig {

    String PID = "org.paperless.storage";

    @AttributeDefinition(name = "Data folder", required = false,
            description = "Data folder; default: system property paperless.data.dir (set from PAPERLESS_DATA_DIR by the launcher), else PAPERLESS_DATA_DIR, else ./data")
    String dataDir() default "";

    @AttributeDefinition(name = "Media root", required = false,
            description = "PAPERLESS_MEDIA_ROOT; default <dataDir>/media")
    String mediaRoot() default "";

    @AttributeDefinition(name = "Consumption folder", required = false,
            description = "PAPERLESS_CONSUMPTION_DIR; default <dataDir>/consume")
    String consumptionDir() default "";

    @AttributeDefinition(name = "Database engine", required = false,
            description = "PAPERLESS_DBENGINE: derby or postgresql; PostgreSQL is also chosen when a host is set")
    String dbEngine() default "";

    @AttributeDefinition(name = "Database host", required = false, description = "PAPERLESS_DBHOST")
    String dbHost() default "";

    @AttributeDefinition(name = "Database port", required = false, description = "PAPERLESS_DBPORT; default 5432")
    String dbPort() default "";

    @AttributeDefinition(name = "Database name", required = false, description = "PAPERLESS_DBNAME; default paperless")
    String dbName() default "";

    @AttributeDefinition(name = "Database user", required = false, description = "PAPERLESS_DBUSER; default paperless")
    String dbUser() default "";

    @AttributeDefinition(name = "Database password", required = false, type = AttributeType.PASSWORD,
            description = "PAPERLESS_DBPASS")
    String dbPass() default "";

    @AttributeDefinition(name = "SSL mode", required = false, description = "PAPERLESS_DBSSLMODE; default prefer")
    String dbSslMode() default "";

    @AttributeDefinition(name = "Connection pool size", required = false,
            description = "PAPERLESS_DB_POOLSIZE; PostgreSQL only: the most connections kept open (default 10)")
    String dbPoolSize() default "";

    @AttributeDefinition(name = "JDBC URL", required = false,
            description = "A full JDBC URL (jdbc:derby:... or jdbc:postgresql:...) that overrides engine, host, port and name")
    String dbUrl() default "";

    @AttributeDefinition(name = "Empty trash delay", required = false,
            description = "PAPERLESS_EMPTY_TRASH_DELAY: days a deleted document stays in the trash; default 30, at least 1")
    String emptyTrashDelay() default "";
}
