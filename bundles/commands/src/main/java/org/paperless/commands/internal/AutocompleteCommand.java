package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.index.Completion;
import org.paperless.api.index.SearchException;
import org.paperless.api.index.SearchIndex;

/** Words that complete a prefix, those in most documents first. */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "autocomplete", description = "Words of the documents that start with a prefix, most frequent first")
public class AutocompleteCommand implements Action {

    @Argument(index = 0, name = "prefix", description = "The start of a word", required = true)
    String prefix;

    @Option(name = "--limit", aliases = "-l", description = "At most this many words (default 10)")
    int limit = 10;

    @Option(name = "--no-format", description = "Tab-separated values without header, for scripts")
    boolean noFormat;

    @Reference(optional = true)
    SearchIndex index;

    @Override
    public Object execute() throws SearchException {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        Table table = new Table().column("Word").rightColumn("Documents");
        for (Completion completion : Capabilities.index(index).autocomplete(prefix, limit)) {
            table.row(completion.word(), completion.documents());
        }
        table.print(System.out, noFormat);
        return null;
    }
}
