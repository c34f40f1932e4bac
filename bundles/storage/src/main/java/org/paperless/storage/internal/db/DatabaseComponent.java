package org.paperless.storage.internal.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.paperless.api.storage.Database;
import org.paperless.api.storage.DatabaseInfo;
import org.paperless.storage.internal.config.DatabaseSettings;
import org.paperless.storage.internal.config.SettingsResolver;
import org.paperless.storage.internal.config.StorageConfig;
import org.slf4j.LoggerFactory;

/**
 * The paperless DataSource (Derby or PostgreSQL, from the configuration) as a service the JPA unit
 * and the migrations find by {@code osgi.jndi.service.name}. No @Modified: a new configuration
 * re-creates the component, and with it everything that uses the database.
 */
@Component(service = {DataSource.class, Database.class}, configurationPid = StorageConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = DatabaseComponent.JNDI_NAME_PROPERTY + "=" + DatabaseComponent.JNDI_NAME)
public class DatabaseComponent implements DataSource, Database {

    public static final String JNDI_NAME_PROPERTY = "osgi.jndi.service.name";
    public static final String JNDI_NAME = "paperless";

    private final DatabaseSettings settings;
    private final DataSource delegate;

    @Activate
    public DatabaseComponent(StorageConfig config) {
        this(SettingsResolver.resolve(config).database());
    }

    public DatabaseComponent(DatabaseSettings settings) {
        this.settings = settings;
        this.delegate = DataSources.create(settings);
        LoggerFactory.getLogger(DatabaseComponent.class).info("Database {}", settings);
    }

    @Deactivate
    void deactivate() {
        DataSources.shutdown(delegate);
    }

    @Override
    public DatabaseInfo info() {
        return settings.info();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return delegate.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate.isWrapperFor(type);
    }
}
