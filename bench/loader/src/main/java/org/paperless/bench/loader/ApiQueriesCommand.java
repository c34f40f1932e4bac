package org.paperless.bench.loader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.Document;
import org.paperless.api.index.SearchHit;
import org.paperless.api.index.SearchIndex;
import org.paperless.api.storage.DocumentQuery;
import org.paperless.api.storage.DocumentQuery.Order;
import org.paperless.api.storage.DocumentQuery.OrderField;
import org.paperless.api.storage.DocumentRepository;

/**
 * The queries behind bench api's requests, timed inside the instance (one at a time, no HTTP, no JSON): the same
 * pages of the document list and the same full-text searches, so that the REST API's own share shows beside wrk's
 * figures.
 */
@Service
@Command(scope = "paperless-bench", name = "api-queries", description = "Time the REST bench's queries inside the instance (benchmarks only)")
public class ApiQueriesCommand implements Action {

    @Option(name = "--tags", description = "tag ids, comma-separated")
    String tags = "";

    @Option(name = "--correspondents", description = "correspondent ids, comma-separated")
    String correspondents = "";

    @Option(name = "--words", description = "full-text queries, comma-separated")
    String words = "";

    @Option(name = "--text", description = "a word for the list filtered by title or content (title_content)")
    String text = "";

    @Option(name = "--rounds")
    int rounds = 20;

    @Reference(optional = true)
    DocumentRepository documents;

    @Reference(optional = true)
    SearchIndex index;

    @Override
    public Object execute() throws Exception {
        if (documents == null || index == null) {
            throw new IllegalStateException("Storage and the search index must run");
        }
        List<Supplier<Object>> lists = new ArrayList<>();
        List<Supplier<Object>> listsWithAll = new ArrayList<>();
        Order newest = new Order(OrderField.CREATED, true);
        for (long t : ids(tags)) {
            lists.add(() -> documents.query(new DocumentQuery(List.of(new DocumentQuery.TagsAll(Set.of(t))),
                    List.of(newest), 0, 25, false)));
            listsWithAll.add(() -> documents.query(new DocumentQuery(List.of(new DocumentQuery.TagsAll(Set.of(t))),
                    List.of(newest), 0, 25, true)));
        }
        for (long c : ids(correspondents)) {
            DocumentQuery.Criterion byCorrespondent = new DocumentQuery.ReferenceIn(DocumentQuery.Reference.CORRESPONDENT, Set.of(c));
            lists.add(() -> documents.query(new DocumentQuery(List.of(byCorrespondent), List.of(newest), 25, 25, false)));
            listsWithAll.add(() -> documents.query(new DocumentQuery(List.of(byCorrespondent), List.of(newest), 25, 25, true)));
        }
        // The lists asked beside those in the REST mixes, not timed above so that earlier figures stay comparable.
        List<Supplier<Object>> stale = new ArrayList<>(lists);
        stale.add(() -> documents.query(new DocumentQuery(List.of(), List.of(newest), 0, 25, false)));
        if (!text.isBlank()) {
            DocumentQuery.Criterion byText = new DocumentQuery.Contains(DocumentQuery.TextField.TITLE_OR_CONTENT, text.strip());
            stale.add(() -> documents.query(new DocumentQuery(List.of(byText),
                    List.of(new Order(OrderField.TITLE, false)), 0, 25, false)));
        }
        List<Supplier<Object>> searches = new ArrayList<>();
        for (String w : words.split(",")) {
            if (w.isBlank()) {
                continue;
            }
            searches.add(() -> {
                try {
                    List<Long> hits = index.search(w.strip(), 0, 25).hits().stream().map(SearchHit::documentId).toList();
                    return hits.isEmpty() ? hits : documents.query(new DocumentQuery(List.of(new DocumentQuery.IdIn(
                            Set.copyOf(hits))), List.of(), 0, hits.size(), false));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        time("document lists, a page of 25 (as API version 10)", lists);
        time("the same with every id (as version 9's all)", listsWithAll);
        time("full-text queries, a page of 25 with documents", searches);
        timeStale(stale);
        return null;
    }

    private void time(String what, List<Supplier<Object>> work) {
        if (work.isEmpty()) {
            return;
        }
        work.forEach(Supplier::get); // the JIT, the caches
        List<Long> nanos = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (Supplier<Object> w : work) {
                long t0 = System.nanoTime();
                w.get();
                nanos.add(System.nanoTime() - t0);
            }
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-52s %6d  p50 %8.3f ms  p99 %8.3f ms%n", what, sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
    }

    /**
     * Each list right after a write (a document's title set again), which makes every kept list stale: what the
     * database costs the REST mix of lists while documents change. The sum is one round of every list.
     */
    private void timeStale(List<Supplier<Object>> work) {
        Document first = documents.list(0, 1).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No document to write"));
        List<Long> nanos = new ArrayList<>();
        long total = 0;
        int staleRounds = Math.max(1, rounds / 4);
        for (int r = 0; r <= staleRounds; r++) {
            for (Supplier<Object> w : work) {
                documents.update(documents.find(first.id()).orElseThrow());
                long t0 = System.nanoTime();
                w.get();
                long t = System.nanoTime() - t0;
                if (r > 0) { // the first round warms up
                    nanos.add(t);
                    total += t;
                }
            }
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-52s %6d  p50 %8.3f ms  p99 %8.3f ms  all %d once %8.1f ms%n",
                "each list right after a write (nothing kept)", sorted.length, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, work.size(), total / 1e6 / staleRounds);
    }

    private static long[] ids(String list) {
        return Arrays.stream(list.split("[,\\s]+")).filter(s -> s.matches("\\d{1,18}")).mapToLong(Long::parseLong).toArray();
    }
}
