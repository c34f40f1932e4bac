package org.paperless.storage.internal.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

import org.paperless.api.storage.Migration;
import org.paperless.api.storage.SchemaMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema migrations with Liquibase: migration N is the changelog up to tag N. Works without OSGi; the
 * resource accessor is what differs (bundle in OSGi, class loader in tests).
 */
public class LiquibaseMigrations implements SchemaMigrations {

    public static final String CHANGELOG = "org/paperless/storage/db/changelog.xml";

    private static final Logger LOG = LoggerFactory.getLogger(LiquibaseMigrations.class);

    private final DataSource dataSource;
    private final Supplier<ResourceAccessor> resources;
    private final String changelog;
    /** Every tag including 0, in changelog order; read by Liquibase when first asked for. */
    private List<Migration> tags;
    /** The newest tag, read from the changelog's files without Liquibase. */
    private final int newest;

    public LiquibaseMigrations(DataSource dataSource, Supplier<ResourceAccessor> resources, String changelog) {
        this.dataSource = dataSource;
        this.resources = resources;
        this.changelog = changelog;
        this.newest = SchemaTags.newest(LiquibaseMigrations.class.getClassLoader(), changelog);
    }

    private synchronized List<Migration> tags() {
        if (tags == null) {
            tags = withLiquibase(lb -> ChangelogReader.read(lb.getDatabaseChangeLog(), lb.getDatabase()));
        }
        return tags;
    }

    @Override
    public List<Migration> all() {
        return tags().stream().filter(m -> m.number() > 0).toList();
    }

    @Override
    public int latest() {
        return newest;
    }

    @Override
    public int current() {
        return SchemaTags.current(dataSource).orElseGet(() -> withLiquibase(lb -> current(lb.getDatabase())));
    }

    @Override
    public synchronized void migrateTo(int target) {
        List<Migration> known = tags();
        if (known.stream().noneMatch(m -> m.number() == target)) {
            throw new IllegalArgumentException("Unknown migration " + target + "; known: "
                    + known.stream().map(m -> String.valueOf(m.number())).collect(Collectors.joining(", ")));
        }
        int from = current();
        if (from > latest()) {
            throw new IllegalStateException("The schema is at " + from + ", newer than the newest migration "
                    + latest() + " this version knows");
        }
        if (from == target && target == latest()) {
            // Every start: the newest tag is the changelog's last changeSet, so nothing is left to run. Asking
            // Liquibase anyway (its lock, a second pass over the changelog) cost a second of every restart.
            return;
        }
        if (target < from) {
            checkReversible(target, from);
            withLiquibase(lb -> {
                lb.rollback(String.valueOf(target), new Contexts());
                return null;
            });
        }
        // Also after a rollback: Liquibase undoes the tagging changeSet too, so tag the target again.
        withLiquibase(lb -> {
            lb.update(String.valueOf(target), new Contexts(), new LabelExpression());
            return null;
        });
        if (target != from) {
            LOG.info("Database schema migrated from {} to {}", from, target);
        }
    }

    /** Brings the schema to the newest migration; a no-op, without Liquibase, when it is there. */
    public final void migrateToLatest() {
        if (current() != latest()) {
            migrateTo(latest());
        }
    }

    /** Refuses before anything changes when a migration on the way down has no rollback. */
    private void checkReversible(int target, int from) {
        tags().stream()
                .filter(m -> m.number() > target && m.number() <= from && !m.reversible())
                .max(Comparator.comparingInt(Migration::number))
                .ifPresent(m -> {
                    throw new IllegalStateException("Migration " + m.number() + " cannot be undone; the schema stays at "
                            + from);
                });
    }

    private static int current(Database database) throws Exception {
        return database.getRanChangeSetList().stream()
                .filter(ran -> ran.getTag() != null && ran.getTag().matches("\\d+"))
                .max(Comparator.comparing(RanChangeSet::getOrderExecuted, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(ran -> Integer.parseInt(ran.getTag()))
                .orElse(0);
    }

    private <R> R withLiquibase(LiquibaseWork<R> work) {
        // Liquibase finds its parts with ServiceLoader on the context class loader: ours, which holds the embedded
        // Liquibase jar and its service files. Its first use (the root scope) fixes what it found for good.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(LiquibaseMigrations.class.getClassLoader());
        try {
            return withLiquibaseScope(work);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private <R> R withLiquibaseScope(LiquibaseWork<R> work) {
        try (ResourceAccessor accessor = resources.get(); Connection connection = dataSource.getConnection()) {
            try {
                R result = Scope.child(scope(), () -> {
                    Database database = DatabaseFactory.getInstance()
                            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                    Liquibase liquibase = new Liquibase(changelog, accessor, database);
                    // The update summary would go to stdout, which is the Karaf console.
                    liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
                    return work.apply(liquibase);
                });
                // Derby: even a no-op update leaves a transaction open, and closing would then fail.
                finish(connection, true);
                return result;
            } catch (Exception e) {
                finish(connection, false);
                throw e;
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Schema migration failed: " + e.getMessage(), e);
        }
    }

    private static void finish(Connection connection, boolean commit) throws SQLException {
        if (!connection.getAutoCommit()) {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        }
    }

    /** No analytics calls home, and messages go to the log instead of stdout (the Karaf console). */
    private static Map<String, Object> scope() {
        return Map.of("liquibase.analytics.enabled", Boolean.FALSE,
                Scope.Attr.ui.name(), new LoggerUIService(),
                Scope.Attr.classLoader.name(), LiquibaseMigrations.class.getClassLoader());
    }

    @FunctionalInterface
    private interface LiquibaseWork<R> {
        R apply(Liquibase liquibase) throws Exception;
    }
}
