package org.paperless.commands.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.paperless.api.consumer.ConsumeFolderState;
import org.paperless.api.consumer.ConsumptionStatus;
import org.paperless.api.index.SearchException;
import org.paperless.api.index.SearchIndex;
import org.paperless.api.runtime.ServiceWait;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.Database;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.SchemaMigrations;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;

/**
 * What runs, on which database and data folders, how much is stored, and whether the consume folder is
 * watched. Works with storage down.
 */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "status", description = "Show version, database, counts, data folders and capabilities")
public class StatusCommand implements Action {

    static final String UNAVAILABLE = "(storage not available)";

    /** Karaf registers it once the boot features are installed and started; by name, to import nothing. */
    static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Reference
    BundleContext context;

    @Reference(optional = true)
    Database database;

    @Reference(optional = true)
    SchemaMigrations migrations;

    @Reference(optional = true)
    DataFolders folders;

    @Reference(optional = true)
    DocumentRepository documents;

    @Reference(optional = true)
    CorrespondentRepository correspondents;

    @Reference(optional = true)
    TagRepository tags;

    @Reference(optional = true)
    DocumentTypeRepository documentTypes;

    @Reference(optional = true)
    StoragePathRepository storagePaths;

    @Reference(optional = true)
    SearchIndex index;

    @Reference(optional = true)
    ConsumptionStatus consumeFolder;

    /**
     * The boot features are installed and the framework has reached its start level: at a restart the
     * features are there at once, while the bundles (and their components) are still being started.
     */
    private String startup() {
        if (!started()) {
            return "in progress";
        }
        List<String> waiting = WaitingComponents.of(context);
        return waiting.isEmpty() ? "finished" : "in progress (waiting: " + String.join(", ", waiting) + ")";
    }

    private boolean started() {
        if (context.getServiceReference(BOOT_FINISHED) == null) {
            return false;
        }
        String beginning = context.getProperty("org.osgi.framework.startlevel.beginning");
        int target = beginning == null ? 1 : Integer.parseInt(beginning.strip());
        return context.getBundle(0).adapt(FrameworkStartLevel.class).getStartLevel() >= target;
    }

    @Override
    public Object execute() {
        Table table = new Table().column("Item").column("Value");
        table.row("Version", context.getBundle().getHeaders().get("Bundle-Version"));
        // Until then Karaf may still start bundles (one stopped meanwhile would be started again), and
        // components may still wait for the services of others.
        table.row("Startup", startup());
        addDatabase(table);
        table.row("Documents", documents == null ? UNAVAILABLE : documents.count());
        table.row("Correspondents", correspondents == null ? UNAVAILABLE : correspondents.count());
        table.row("Tags", tags == null ? UNAVAILABLE : tags.count());
        table.row("Document types", documentTypes == null ? UNAVAILABLE : documentTypes.count());
        table.row("Storage paths", storagePaths == null ? UNAVAILABLE : storagePaths.count());
        table.row("Search index", searchIndex());
        table.row("REST API", RestAddress.describe(context));
        addFolders(table);
        consumeFolderRows(consumeFolder).forEach(r -> table.row(r[0], r[1]));
        table.row("Not installed", OptionalParts.notInstalled(context));
        table.row("Programs missing", OptionalParts.missingTools(System.getenv("PATH")));
        // Services whose bundle is stopped, restarting or being updated, and the work waiting for them.
        List<String> away = ServiceWait.awayNow();
        table.row("Waiting for", away.isEmpty() ? "nothing" : String.join("; ", away));
        Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.paperless."))
                .sorted(Comparator.comparing(Bundle::getSymbolicName))
                .forEach(b -> table.row("Bundle " + b.getSymbolicName(), BundleStates.name(b.getState())));
        table.print(System.out, noFormat);
        return null;
    }

    private String searchIndex() {
        if (index == null) {
            return "(not running)";
        }
        try {
            var state = index.state();
            return state.documents() + " documents, " + state.sizeBytes() / 1024 + " KB";
        } catch (SearchException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    /** Whether files put into the consume folder are taken, and what happened to them since the start. */
    static List<String[]> consumeFolderRows(ConsumptionStatus status) {
        if (status == null) {
            return List.<String[]>of(new String[] {"Consume folder watcher",
                    "not running (the consumer or the storage it needs is not active)"});
        }
        ConsumeFolderState s = status.state();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Consume folder watcher", s.watching() ? "running" : "not running (" + s.notWatchingReason() + ")"});
        rows.add(new String[] {"Consumed since start", s.consumed()
                + (s.lastConsumed() == null ? "" : " (last " + s.lastConsumed() + " at " + s.lastConsumedAt() + ")")});
        rows.add(new String[] {"Failed since start", String.valueOf(s.failed())});
        if (s.lastError() != null) {
            rows.add(new String[] {"Last consumption error", s.lastErrorAt() + " " + s.lastError()});
        }
        return rows;
    }

    private void addDatabase(Table table) {
        if (database == null) {
            table.row("Database", UNAVAILABLE);
            return;
        }
        var info = database.info();
        table.row("Database", info.kind());
        table.row("Database URL", info.url());
        table.row("Database user", info.user() == null ? "" : info.user());
        table.row("Schema", migrations == null ? "(migrations not available)"
                : migrations.current() + " (newest " + migrations.latest() + ")");
    }

    private void addFolders(Table table) {
        if (folders == null) {
            table.row("Data folder", UNAVAILABLE);
            return;
        }
        table.row("Data folder", folders.data());
        table.row("Media", folders.media());
        table.row("Consume folder", folders.consumption());
        table.row("Index", folders.index());
        table.row("Logs", folders.log());
    }
}
