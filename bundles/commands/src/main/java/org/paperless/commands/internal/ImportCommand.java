package org.paperless.commands.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.paperless.api.backup.ImportOptions;
import org.paperless.api.backup.ImportReport;
import org.paperless.api.backup.Importer;

/** paperless-ngx's document_importer: an export (ours or paperless-ngx's) into an instance without documents. */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "import", description = "Import an export folder or zip (ours or paperless-ngx's) "
        + "into this instance, which must hold no documents yet (document_importer); all or nothing")
public class ImportCommand implements Action {

    @Completion(FileCompleter.class)
    @Argument(index = 0, name = "SOURCE", required = true, description = "The export folder or .zip file")
    String source;

    @Option(name = "--data-only", description = "The database records alone; the files are already in the media folder")
    boolean dataOnly;

    @Option(name = "--passphrase", description = "The passphrase the export was made with")
    String passphrase;

    @Option(name = "--no-progress-bar", description = "No progress line")
    boolean noProgress;

    @Reference(optional = true)
    Importer importer;

    @Override
    public Object execute() throws Exception {
        ImportReport report = Capabilities.backup(importer).importFrom(Path.of(source).toAbsolutePath(),
                new ImportOptions(dataOnly, passphrase), ProgressLine.of(noProgress, "Imported"));
        ProgressLine.end(noProgress);
        Table table = new Table().column("Model").rightColumn("Imported");
        for (Map.Entry<String, Long> e : new TreeMap<>(report.imported()).entrySet()) {
            table.row(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Long> e : new TreeMap<>(report.skipped()).entrySet()) {
            table.row(e.getKey() + " (skipped: not kept by this version)", e.getValue());
        }
        table.print(System.out, false);
        System.out.println("Imported from " + report.origin() + ": " + report.files() + " files placed in the media folder");
        return null;
    }
}
