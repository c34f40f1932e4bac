package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.paperless.api.index.IndexState;
import org.paperless.api.index.SearchException;
import org.paperless.api.index.SearchIndex;
import org.paperless.api.storage.DocumentRepository;

/** paperless-ngx's document_index: reindex from the database, or optimize. */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "index", description = "Maintain the search index: 'reindex' builds it again "
        + "from the database, 'optimize' merges it; both print the index state afterwards")
public class IndexCommand implements Action {

    @Argument(index = 0, name = "action", description = "reindex or optimize", required = true)
    @Completion(value = StringsCompleter.class, values = {"reindex", "optimize"})
    String action;

    @Option(name = "--recreate", description = "reindex into an empty index (after damage or a schema change)")
    boolean recreate;

    @Option(name = "--if-needed", description = "reindex only when the index does not hold every document")
    boolean ifNeeded;

    @Option(name = "--no-progress-bar", description = "No progress line")
    boolean noProgress;

    @Reference(optional = true)
    SearchIndex index;

    @Reference(optional = true)
    DocumentRepository documents;

    @Override
    public Object execute() throws SearchException {
        SearchIndex search = Capabilities.index(index);
        IndexState state;
        switch (action) {
            case "reindex" -> {
                if (ifNeeded && search.state().documents() == Capabilities.storage(documents).count()) {
                    System.out.println("The index holds every document; nothing to do.");
                    state = search.state();
                } else {
                    state = search.reindex(recreate, noProgress ? null : this::progress);
                    if (!noProgress) {
                        System.out.println();
                    }
                }
            }
            case "optimize" -> state = search.optimize();
            default -> throw new IllegalArgumentException("Unknown action '" + action + "': use reindex or optimize");
        }
        System.out.printf("Index: %d documents, %d segment(s), %.1f MB, schema %d, last change %s%n", state.documents(),
                state.segments(), state.sizeBytes() / 1048576.0, state.schemaVersion(),
                state.lastModified() == null ? "-" : state.lastModified());
        return null;
    }

    private void progress(long done, long total) {
        System.out.printf("\rIndexed %d of %d documents", done, total);
        System.out.flush();
    }
}
