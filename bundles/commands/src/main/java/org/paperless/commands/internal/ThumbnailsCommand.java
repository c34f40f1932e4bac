package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.maintenance.MaintenanceReport;
import org.paperless.api.maintenance.Thumbnails;

/** paperless-ngx's document_thumbnails. */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "thumbnails", description = "Make the thumbnails of every document (or one) again "
        + "from the originals (document_thumbnails)")
public class ThumbnailsCommand implements Action {

    @Completion(DocumentCompleter.class)
    @Option(name = "--document", aliases = "-d", description = "Only this document")
    Long documentId;

    @Option(name = "--no-progress-bar", description = "No progress line")
    boolean noProgress;

    @Option(name = "--no-format", description = "Tab-separated output without header, for scripts")
    boolean noFormat;

    @Reference(optional = true)
    Thumbnails thumbnails;

    @Override
    public Object execute() {
        MaintenanceReport report = Capabilities.maintenance(thumbnails).generate(documentId,
                ProgressLine.of(noProgress, "Made thumbnails for"));
        ProgressLine.end(noProgress);
        MaintenanceOutput.print(report, "made", noFormat);
        return null;
    }
}
