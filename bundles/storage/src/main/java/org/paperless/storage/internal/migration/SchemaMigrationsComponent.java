package org.paperless.storage.internal.migration;

import javax.sql.DataSource;

import liquibase.resource.OSGiResourceAccessor;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.paperless.api.storage.SchemaMigrations;

/**
 * Brings the schema up to date at activation, so this service exists only once the schema is
 * current: whoever references it may use the database. Immediate: migrate when the database appears,
 * not at the first command.
 */
@Component(service = SchemaMigrations.class, immediate = true)
public class SchemaMigrationsComponent extends LiquibaseMigrations {

    @Activate
    public SchemaMigrationsComponent(@Reference(target = "(osgi.jndi.service.name=paperless)") DataSource dataSource,
            BundleContext context) {
        super(dataSource, () -> new OSGiResourceAccessor(context.getBundle()), CHANGELOG);
        migrateToLatest();
    }
}
