package org.paperless.index.lucene.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.paperless.api.index.Completion;
import org.paperless.api.index.IndexState;
import org.paperless.api.index.SearchException;
import org.paperless.api.index.SearchIndex;
import org.paperless.api.index.SearchResults;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.DocumentEvents;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index as a service. All writes (events, catch-up, reindex, commits) run one after the other
 * on the index's own thread; searches run on the caller's thread against near-real-time readers.
 */
@Component(service = {SearchIndex.class, EventHandler.class},
        property = EventConstants.EVENT_TOPIC + "=" + DocumentEvents.TOPIC_ALL)
public class IndexComponent implements SearchIndex, EventHandler {

    static final long COMMIT_SECONDS = 5;
    /** Changes become searchable this long after they were written, at the latest: one reopen covers a burst. */
    static final long REFRESH_MILLIS = 200;
    private static final long STOP_WAIT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(IndexComponent.class);

    private final DocumentRepository documents;
    private final LuceneIndex index;
    private final KeptResults kept = new KeptResults();
    private final NameCache names;
    private final ScheduledExecutorService writer;
    /** Reads ahead and indexes beside the writer thread during a reindex or catch-up; idle otherwise. */
    private final ExecutorService helpers;
    private final Maintenance maintenance;
    private volatile boolean stopping;
    private final java.util.concurrent.atomic.AtomicBoolean refreshPending = new java.util.concurrent.atomic.AtomicBoolean();

    @Activate
    public IndexComponent(@Reference DocumentRepository documents, @Reference DataFolders folders,
            @Reference CorrespondentRepository correspondents, @Reference DocumentTypeRepository types,
            @Reference StoragePathRepository paths, @Reference TagRepository tags) throws IOException {
        this.documents = documents;
        this.index = LuceneIndex.open(folders.index(), ZoneId.systemDefault());
        this.names = new NameCache(() -> Names.load(correspondents, types, paths, tags));
        this.writer = Executors.newSingleThreadScheduledExecutor(new NamedThreads("paperless-index"));
        int threads = BulkWriter.threads();
        this.helpers = Executors.newFixedThreadPool(threads, new NamedThreads("paperless-index-bulk"));
        this.maintenance = new Maintenance(index, documents, names, () -> stopping,
                new BulkWriter(index, helpers, threads));
        String reason = index.rebuildReason();
        if (reason != null) {
            LOG.warn("Building the search index from the database: {}", reason);
            writer.execute(() -> run("rebuild", () -> maintenance.reindex(true, null)));
        } else {
            writer.execute(() -> run("catch-up", () -> {
                maintenance.catchUp();
                return null;
            }));
        }
        writer.scheduleWithFixedDelay(this::commitIfChanged, COMMIT_SECONDS, COMMIT_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        stopping = true;
        // The writer thread first: it waits for the helpers' work before it ends, and nothing writes after both.
        stop(writer);
        stop(helpers);
        try {
            index.close();
        } catch (IOException e) {
            LOG.warn("Closing the search index: {}", e.toString());
        }
    }

    private static void stop(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void handleEvent(Event event) {
        Object id = event.getProperty(DocumentEvents.DOCUMENT_ID);
        if (!(id instanceof Number number)) {
            return;
        }
        boolean deleted = DocumentEvents.TOPIC_DELETED.equals(event.getTopic());
        try {
            writer.execute(() -> run("update of document " + id, () -> {
                apply(number.longValue(), deleted);
                return null;
            }));
        } catch (RejectedExecutionException e) {
            LOG.debug("Index stopping; document {} is caught up at the next start", id);
        }
    }

    private void apply(long id, boolean deleted) throws IOException {
        var document = deleted ? java.util.Optional.<org.paperless.api.Document>empty() : documents.find(id);
        if (document.isPresent()) {
            index.upsert(document.get(), names.covering(document.get()));
        } else {
            index.delete(id);
        }
        if (refreshPending.compareAndSet(false, true) && !stopping) {
            try {
                writer.schedule(() -> run("refresh", () -> {
                    refreshPending.set(false);
                    index.refresh();
                    return null;
                }), REFRESH_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                refreshPending.set(false); // stopping: the close commits, the next start reads it all
            }
        }
    }

    private void commitIfChanged() {
        run("commit", () -> {
            if (index.hasUncommittedChanges()) {
                index.commit();
            }
            return null;
        });
    }

    /** Background work logs its failure; the next event or start tries again. */
    private void run(String what, Callable<?> work) {
        try {
            work.call();
        } catch (InterruptedException e) {
            LOG.info("Search index {} stopped: {}", what, e.getMessage());
        } catch (Exception e) {
            LOG.warn("Search index {} failed: {}", what, e.toString());
        }
    }

    @Override
    public SearchResults search(String query, int offset, int limit) throws SearchException {
        if (query == null || query.isBlank()) {
            throw new SearchException("Give a query: words, field:value, \"a phrase\", created:[2020 to 2021]...");
        }
        Query parsed = parse(query);
        return read(() -> index.search(searcher -> kept.get(searcher, "search", query, offset, limit,
                () -> Searches.search(searcher, index.analyzer(), parsed, offset, limit))));
    }

    private Query parse(String query) throws SearchException {
        try {
            return new PaperlessQueryParser(index.analyzer(), LocalDate.now()).parse(query);
        } catch (ParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            // No cause: Lucene's exception class means nothing outside this bundle (nor over RMI or ssh).
            throw new SearchException("Cannot understand the query '" + query + "': " + message);
        }
    }

    @Override
    public SearchResults moreLikeThis(long documentId, int offset, int limit) throws SearchException {
        return read(() -> index.search(searcher -> kept.get(searcher, "like", Long.toString(documentId), offset, limit,
                () -> {
                    Query like = Searches.moreLikeThis(searcher, index.analyzer(), documentId);
                    return like == null ? null : Searches.search(searcher, index.analyzer(), like, offset, limit);
                })), "Document " + documentId + " is not in the search index");
    }

    private SearchResults read(IoCall<SearchResults> call, String notFound) throws SearchException {
        SearchResults results = read(call);
        if (results == null) {
            throw new SearchException(notFound);
        }
        return results;
    }

    @Override
    public List<Completion> autocomplete(String prefix, int limit) throws SearchException {
        return read(() -> index.search(searcher -> Searches.autocomplete(searcher, prefix, limit)));
    }

    @Override
    public List<Completion> autocomplete(String prefix, int limit, Reader reader) throws SearchException {
        return read(() -> index.search(searcher -> Searches.autocomplete(searcher, prefix, limit, reader)));
    }

    @Override
    public IndexState reindex(boolean recreate, Progress progress) throws SearchException {
        write("reindex", () -> maintenance.reindex(recreate, progress));
        return state();
    }

    @Override
    public IndexState optimize() throws SearchException {
        write("optimize", () -> {
            index.forceMerge();
            return null;
        });
        return state();
    }

    @Override
    public IndexState state() throws SearchException {
        return read(index::state);
    }

    /** Runs on the index thread and waits: writes never overlap. */
    private void write(String what, Callable<?> work) throws SearchException {
        try {
            writer.submit(work).get();
        } catch (RejectedExecutionException e) {
            throw new SearchException("The search index is stopping; run " + what + " again when it is back");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchException(what + " was interrupted");
        } catch (ExecutionException e) {
            LOG.warn("Search index {} failed", what, e.getCause());
            throw new SearchException("The search index could not " + what + ": " + e.getCause().getMessage());
        }
    }

    private <T> T read(IoCall<T> call) throws SearchException {
        try {
            return call.call();
        } catch (org.apache.lucene.store.AlreadyClosedException e) {
            throw new SearchException("The search index is stopping; search again when it is back", e);
        } catch (IOException e) {
            throw new SearchException("The search index cannot be read: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface IoCall<T> {
        T call() throws IOException;
    }
}
