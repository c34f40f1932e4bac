package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.maintenance.MaintenanceReport;
import org.paperless.api.maintenance.Renamer;

/** paperless-ngx's document_renamer. */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "rename", description = "File every document (or one) where the current filename "
        + "format and its storage path put it (document_renamer); never overwrites a file, removes emptied folders")
public class RenameCommand implements Action {

    @Completion(DocumentCompleter.class)
    @Option(name = "--document", aliases = "-d", description = "Only this document")
    Long documentId;

    @Option(name = "--no-progress-bar", description = "No progress line")
    boolean noProgress;

    @Option(name = "--no-format", description = "Tab-separated output without header, for scripts")
    boolean noFormat;

    @Reference(optional = true)
    Renamer renamer;

    @Override
    public Object execute() {
        MaintenanceReport report = Capabilities.maintenance(renamer).rename(documentId, ProgressLine.of(noProgress, "Renamed"));
        ProgressLine.end(noProgress);
        MaintenanceOutput.print(report, "moved", noFormat);
        return null;
    }
}
