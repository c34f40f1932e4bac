package org.paperless.index.lucene.internal.duplicates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.paperless.api.Document;
import org.paperless.api.backup.Progress;
import org.paperless.api.maintenance.DuplicatePair;
import org.paperless.api.maintenance.NearDuplicates;
import org.paperless.api.storage.DocumentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * paperless-ngx's document_fuzzy_match without comparing every pair: the documents are read once in batches
 * (texts to a temporary spool, a sketch each in memory), then only pairs whose sketches or lengths make the
 * ratio possible are compared exactly. The result is the pairs paperless-ngx reports: rapidfuzz's ratio of
 * the processed contents at or above the cut-off, documents with blank content left out.
 * <p>
 * Progress counts each document twice: once read, once compared.
 */
@Component(service = NearDuplicates.class)
public class NearDuplicatesComponent implements NearDuplicates {

    static final int BATCH = 200;
    private static final Logger LOG = LoggerFactory.getLogger(NearDuplicatesComponent.class);

    private final DocumentRepository documents;
    private final Path spoolFolder;
    private final int threads;
    private final ThreadPoolExecutor executor;

    @Activate
    public NearDuplicatesComponent(@Reference DocumentRepository documents) {
        // Inside Karaf java.io.tmpdir is data/tmp.
        this(documents, Path.of(System.getProperty("java.io.tmpdir")),
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    NearDuplicatesComponent(DocumentRepository documents, Path spoolFolder, int threads) {
        this.documents = documents;
        this.spoolFolder = spoolFolder;
        this.threads = threads;
        AtomicInteger number = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, "paperless-duplicates-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.allowCoreThreadTimeOut(true);
        try {
            int removed = TextSpool.removeLeftovers(spoolFolder);
            if (removed > 0) {
                LOG.info("Removed {} temporary file(s) of an interrupted search for near-duplicates", removed);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove old temporary files of the search for near-duplicates in {}: {}", spoolFolder,
                    e.toString());
        }
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<DuplicatePair> find(int minRatio, Progress progress) {
        if (minRatio < 0 || minRatio > 100) {
            throw new IllegalArgumentException("The ratio must be between 0 and 100");
        }
        Progress told = progress == null ? Progress.NONE : progress;
        long start = System.nanoTime();
        try (Corpus corpus = new Corpus(spoolFolder)) {
            read(corpus, told);
            long readMillis = (System.nanoTime() - start) / 1_000_000;
            PairSearch search = new PairSearch(corpus, minRatio);
            int read = corpus.size();
            List<PairSearch.Match> matches = search.run(executor, threads,
                    compared -> told.update(read + compared * read / Math.max(1, search.documents()), 2L * read));
            LOG.info("Near-duplicates at ratio {}: {} documents read in {} ms, {} pairs compared exactly, {} found, "
                    + "{} ms in all", minRatio, read, readMillis, search.exactComparisons(), matches.size(),
                    (System.nanoTime() - start) / 1_000_000);
            List<DuplicatePair> pairs = new ArrayList<>(matches.size());
            for (PairSearch.Match m : matches) {
                pairs.add(new DuplicatePair(corpus.id(m.first()), corpus.title(m.first()), corpus.id(m.second()),
                        corpus.title(m.second()), m.ratio()));
            }
            return pairs;
        } catch (IOException e) {
            throw new UncheckedIOException("The search for near-duplicates could not use its temporary file in "
                    + spoolFolder + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The search for near-duplicates was stopped", e);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("The search for near-duplicates is stopping (the index bundle is being "
                    + "stopped); run it again when it is back");
        }
    }

    /** Reads every document in id order, so that corpus numbers follow ids; each batch is prepared on all threads. */
    private void read(Corpus corpus, Progress progress) throws IOException, InterruptedException {
        long total = Math.max(1, documents.count());
        long after = 0;
        for (List<Document> batch = documents.listAfter(after, BATCH); !batch.isEmpty();
                batch = documents.listAfter(after, BATCH)) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            List<Callable<Corpus.Prepared>> work = batch.stream()
                    .<Callable<Corpus.Prepared>>map(d -> () -> Corpus.prepare(d.id(), d.title(), d.content()))
                    .toList();
            for (Future<Corpus.Prepared> prepared : executor.invokeAll(work)) {
                corpus.add(done(prepared));
            }
            after = batch.get(batch.size() - 1).id();
            progress.update(corpus.size(), 2 * Math.max(total, corpus.size()));
        }
        corpus.finish();
    }

    private static Corpus.Prepared done(Future<Corpus.Prepared> prepared) {
        try {
            return prepared.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The search for near-duplicates was stopped", e);
        }
    }
}
