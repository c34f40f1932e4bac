package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.matching.RetagReport;
import org.paperless.api.matching.RetagRequest;
import org.paperless.api.matching.Retagger;

/** paperless-ngx's document_retagger, with its option letters. */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "retag", description = "Apply the matching rules to stored documents again "
        + "(document_retagger): -c correspondents, -T tags, -t types, -s storage paths")
public class RetagCommand implements Action {

    @Option(name = "--correspondent", aliases = "-c", description = "Match correspondents")
    boolean correspondent;

    @Option(name = "--tags", aliases = "-T", description = "Match tags")
    boolean tags;

    @Option(name = "--document_type", aliases = {"-t", "--document-type"}, description = "Match document types")
    boolean documentType;

    @Option(name = "--storage_path", aliases = {"-s", "--storage-path"}, description = "Match storage paths")
    boolean storagePath;

    @Option(name = "--inbox-only", aliases = "-i", description = "Only documents with an inbox tag")
    boolean inboxOnly;

    @Option(name = "--use-first", description = "When several correspondents, types or paths match, take the first instead of none")
    boolean useFirst;

    @Option(name = "--overwrite", aliases = "-f", description = "Replace what is set; remove tags that no longer "
            + "match (inbox tags and tags without a rule stay)")
    boolean overwrite;

    @Option(name = "--suggest", description = "Only show what would change")
    boolean suggest;

    @Completion(DocumentCompleter.class)
    @Option(name = "--id-range", description = "Only ids from LO to HI: --id-range LO HI")
    Long idLow;

    @Completion(DocumentCompleter.class)
    @Argument(index = 0, name = "HI", description = "The last id of --id-range")
    Long idHigh;

    @Option(name = "--no-progress-bar", description = "No progress line")
    boolean noProgress;

    @Option(name = "--no-format", description = "Tab-separated values without header, for scripts")
    boolean noFormat;

    @Reference(optional = true)
    Retagger retagger;

    @Override
    public Object execute() {
        if ((idLow == null) != (idHigh == null)) {
            throw new IllegalArgumentException("--id-range takes two ids: --id-range LO HI");
        }
        RetagRequest request = new RetagRequest(correspondent, tags, documentType, storagePath, inboxOnly, useFirst,
                overwrite, suggest, idLow, idHigh);
        if (!request.anything()) {
            System.out.println("Nothing to do: say what to match with -c (correspondents), -T (tags), "
                    + "-t (document types) and/or -s (storage paths).");
            return null;
        }
        Retagger r = Capabilities.matching(retagger);
        boolean progressLine = !noProgress && !noFormat;
        RetagReport report = r.retag(request, progressLine ? (done, total) -> {
            System.out.printf("\rMatched %d of %d documents", done, total);
            System.out.flush();
        } : null);
        if (progressLine) {
            System.out.println();
        }
        Table table = new Table().rightColumn("ID").wideColumn("Title", 40).column("Field").column("Before").column("After");
        for (RetagReport.Change change : report.changes()) {
            table.row(change.documentId(), change.title(), change.field(), change.before(), change.after());
        }
        table.print(System.out, noFormat);
        if (!noFormat) {
            System.out.println(report.examined() + " documents examined, " + report.changes().size()
                    + (suggest ? " changes suggested (nothing was changed)" : " changes made"));
        }
        return null;
    }
}
