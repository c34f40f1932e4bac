package org.paperless.commands.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.BundleContext;
import org.paperless.api.storage.Migration;
import org.paperless.api.storage.SchemaMigrations;

/**
 * Returns to an older paperless version without stopping Karaf: first the schema goes down to the
 * newest migration that version knows (only the running, newer version knows how to undo its own
 * migrations), then the features move back in one resolution, as {@code feature:install --upgrade}
 * does.
 */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "rollback",
        description = "Return to an older paperless version: the schema down to what it knows, then its features, without a restart")
public class RollbackCommand implements Action {

    @Argument(index = 0, name = "version", required = true,
            description = "The version to return to, as feature:list shows it (e.g. 0.1.0 or 0.1.0.SNAPSHOT)")
    String version;

    @Reference
    FeaturesService features;

    @Reference
    BundleContext context;

    @Reference(optional = true)
    SchemaMigrations migrations;

    @Override
    public Object execute() throws Exception {
        FeatureMove move = new FeatureMove(features, context);
        Map<String, Feature> required = move.required();
        String from = FeatureMove.versionOf(required);
        String to = knownVersion(move, FeatureMove.normalized(version));
        if (FeatureMove.compareRelease(to, from) >= 0 && !isOlderSnapshot(to, from)) {
            throw new IllegalArgumentException("paperless " + to + " is not older than the installed " + from
                    + "; to go forward, use paperless:upgrade");
        }
        Set<String> targets = move.targets(required.keySet(), to);
        int schemaBefore = -1;
        if (migrations == null) {
            // A new version whose storage never came up (its migration failed, say): the schema is as the old
            // version left it, or the old one will say it is not.
            System.out.println("The storage bundle is not running: the schema stays as it is");
        } else {
            schemaBefore = migrations.current();
            int schemaTarget = newestKnownTo(to);
            // Down first: refuses before anything changes when a migration on the way cannot be undone.
            if (schemaTarget < schemaBefore) {
                migrations.migrateTo(schemaTarget);
            }
        }
        int schemaAfter = move.move(targets, to,
                "Rolled back paperless " + from + " -> " + to + " (" + String.join(", ", targets) + ")", System.out);
        if (schemaAfter < 0) {
            throw new IllegalStateException("The storage bundle " + to + " has not come up within 120 s: see"
                    + " paperless:status and log:display");
        }
        System.out.println("Schema " + (schemaBefore < 0 ? "at " + schemaAfter
                : schemaAfter == schemaBefore ? "stays at " + schemaAfter : "migrated " + schemaBefore + " -> " + schemaAfter));
        return null;
    }

    /** The exact version of the feature "paperless" the argument names, among the registered repositories. */
    private String knownVersion(FeatureMove move, String wanted) throws Exception {
        List<String> versions = move.versions("paperless");
        if (versions.contains(wanted)) {
            return wanted;
        }
        List<String> sameRelease = new ArrayList<>();
        for (String candidate : versions) {
            if (FeatureMove.compareRelease(candidate, wanted) == 0) {
                sameRelease.add(candidate);
            }
        }
        if (sameRelease.size() == 1) {
            return sameRelease.get(0);
        }
        throw new IllegalArgumentException("No paperless " + wanted + " among the registered feature repositories"
                + " (known: " + String.join(", ", versions) + "). Add its repository first: feature:repo-add"
                + " mvn:org.paperless/paperless-features/" + wanted + "/xml/features");
    }

    /** The newest migration the version {@code to} knows: those introduced by it or before it. */
    private int newestKnownTo(String to) {
        int newest = 0;
        for (Migration m : migrations.all()) {
            if (FeatureMove.compareRelease(m.version(), to) <= 0) {
                newest = Math.max(newest, m.number());
            }
        }
        return newest;
    }

    /** 0.1.0.SNAPSHOT before 0.1.0: the same release, older. */
    private static boolean isOlderSnapshot(String to, String from) {
        return FeatureMove.compareRelease(to, from) == 0 && to.endsWith("SNAPSHOT") && !from.endsWith("SNAPSHOT");
    }
}
