package org.paperless.commands.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.index.SearchException;
import org.paperless.api.index.SearchHit;
import org.paperless.api.index.SearchIndex;
import org.paperless.api.index.SearchResults;

/** Full-text search, or documents like a given one, as a table. */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "search", description = "Search the documents: words, field:value, "
        + "'\"a phrase\"', AND/OR/NOT, created:[2020 to 2021], added:yesterday, created:previous month")
public class SearchCommand implements Action {

    @Argument(index = 0, name = "query", description = "The query; its words may be separate arguments",
            multiValued = true)
    List<String> query;

    @Option(name = "--limit", aliases = "-l", description = "At most this many results (default 25)")
    int limit = 25;

    @Option(name = "--offset", aliases = "-o", description = "Skip this many results first")
    int offset;

    @Completion(DocumentCompleter.class)
    @Option(name = "--more-like", description = "Documents like the one with this id, instead of a query")
    Long moreLike;

    @Option(name = "--no-format", description = "Tab-separated values without header, for scripts")
    boolean noFormat;

    @Reference(optional = true)
    SearchIndex index;

    /**
     * The console reads an unquoted {@code created:[2020 to 2021]} as the field name and a list, and hands
     * over "created: [2020, to, 2021]": put the range back together.
     */
    static String queryText(List<String> words) {
        return java.util.regex.Pattern.compile(":\\s*\\[([^\\]]*)\\]").matcher(String.join(" ", words))
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(":[" + m.group(1).replace(",", "") + "]"));
    }

    @Override
    public Object execute() throws SearchException {
        if (limit < 1 || offset < 0) {
            throw new IllegalArgumentException("--limit must be at least 1 and --offset at least 0");
        }
        boolean hasQuery = query != null && !query.isEmpty();
        if (hasQuery == (moreLike != null)) {
            throw new IllegalArgumentException("Give either a query or --more-like ID");
        }
        SearchIndex search = Capabilities.index(index);
        SearchResults results = moreLike != null ? search.moreLikeThis(moreLike, offset, limit)
                : search.search(queryText(query), offset, limit);
        Table table = new Table().rightColumn("ID").wideColumn("Title", 40).column("Correspondent").column("Created")
                .rightColumn("Score").wideColumn("Snippet", 80);
        for (SearchHit hit : results.hits()) {
            table.row(hit.documentId(), hit.title(), hit.correspondent(), hit.created(),
                    String.format("%.2f", hit.score()), hit.snippet());
        }
        table.print(System.out, noFormat);
        if (!noFormat) {
            int last = offset + results.hits().size();
            System.out.println(results.total() == 0 ? "No document matches."
                    : "Results " + (offset + 1) + "-" + last + " of " + results.total());
        }
        return null;
    }
}
