package org.paperless.storage.internal.migration;

import java.util.ArrayList;
import java.util.List;

import liquibase.change.Change;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;

import org.paperless.api.storage.Migration;

/**
 * Reads the numbered migrations out of a changelog: each changeSet holding a {@code tagDatabase} ends
 * one; the property {@code migration.N.description} describes it and the tag changeSet's
 * {@code created} attribute names the paperless version that introduced it. A migration can be undone
 * when every changeSet since the previous tag supports rollback on this database.
 */
final class ChangelogReader {

    private ChangelogReader() {
    }

    /** All tags in changelog order, including 0 (the empty schema). */
    static List<Migration> read(DatabaseChangeLog changelog, Database database) {
        List<Migration> migrations = new ArrayList<>();
        boolean reversible = true;
        for (ChangeSet changeSet : changelog.getChangeSets()) {
            reversible &= changeSet.supportsRollback(database);
            String tag = tagOf(changeSet);
            if (tag != null) {
                int number = number(tag, changeSet);
                migrations.add(new Migration(number, description(changelog, number, changeSet), reversible,
                        number == 0 ? "0" : changeSet.getCreated()));
                reversible = true;
            }
        }
        return List.copyOf(migrations);
    }

    private static String tagOf(ChangeSet changeSet) {
        for (Change change : changeSet.getChanges()) {
            if (change instanceof TagDatabaseChange tag) {
                return tag.getTag();
            }
        }
        return null;
    }

    private static int number(String tag, ChangeSet changeSet) {
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("changeSet " + changeSet.getId() + " has tag '" + tag
                    + "'; migration tags must be numbers");
        }
    }

    private static String description(DatabaseChangeLog changelog, int number, ChangeSet tag) {
        if (number == 0) {
            return "Empty schema";
        }
        String key = "migration." + number + ".description";
        Object text = changelog.getChangeLogParameters().getValue(key, changelog);
        if (text == null || tag.getCreated() == null) {
            throw new IllegalStateException("Migration " + number + " needs the changelog property " + key
                    + " and a created=\"<paperless version>\" attribute on its tag changeSet");
        }
        return text + " (paperless " + tag.getCreated() + ")";
    }
}
