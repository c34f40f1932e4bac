package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.maintenance.Archiver;
import org.paperless.api.maintenance.MaintenanceReport;

/** paperless-ngx's document_archiver. */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "archive", description = "Make the searchable PDF/A archive copy of documents "
        + "that have none (document_archiver), through the parsers of consumption; an interrupted --overwrite run resumes")
public class ArchiveCommand implements Action {

    @Option(name = "--overwrite", aliases = "-f", description = "Make it again for documents that have one")
    boolean overwrite;

    @Completion(DocumentCompleter.class)
    @Option(name = "--document", aliases = "-d", description = "Only this document")
    Long documentId;

    @Option(name = "--no-progress-bar", description = "No progress line")
    boolean noProgress;

    @Option(name = "--no-format", description = "Tab-separated output without header, for scripts")
    boolean noFormat;

    @Reference(optional = true)
    Archiver archiver;

    @Override
    public Object execute() {
        MaintenanceReport report = Capabilities.maintenance(archiver).archive(documentId, overwrite,
                ProgressLine.of(noProgress, "Archived"));
        ProgressLine.end(noProgress);
        MaintenanceOutput.print(report, "archived", noFormat);
        return null;
    }
}
