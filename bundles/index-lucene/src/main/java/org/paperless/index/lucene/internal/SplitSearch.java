package org.paperless.index.lucene.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;

/**
 * A search that scores and counts every match (a phrase) in two halves of the documents at once: one on the
 * caller's thread, one on a helper when one is free; the caller takes the second half back when none is.
 * The results are those of one pass (scores, ties by document, exact count). A phrase of two common words
 * checks the word positions of tens of thousands of documents, and was the slowest of all searches.
 */
final class SplitSearch {

    /** Below this, one thread is quicker than two. */
    static final int MIN_DOCUMENTS = 20_000;

    private final Executor helpers;

    SplitSearch(Executor helpers) {
        this.helpers = helpers;
    }

    TopDocs search(IndexSearcher searcher, Query query, int wanted) throws IOException {
        TopScoreDocCollectorManager collectors = new TopScoreDocCollectorManager(wanted, null, Integer.MAX_VALUE, true);
        int documents = searcher.getIndexReader().maxDoc();
        if (documents < MIN_DOCUMENTS) {
            return searcher.search(query, collectors);
        }
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
        TopScoreDocCollector first = collectors.newCollector();
        TopScoreDocCollector second = collectors.newCollector();
        int middle = documents / 2;
        FutureTask<Void> other = new FutureTask<>(() -> {
            score(weight, searcher, second, middle, documents);
            return null;
        });
        try {
            helpers.execute(other);
        } catch (RejectedExecutionException e) {
            // stopping: this thread does it all
        }
        score(weight, searcher, first, 0, middle);
        if (other.cancel(false)) {
            score(weight, searcher, second, middle, documents);
        } else {
            awaitHalf(other);
        }
        return collectors.reduce(List.of(first, second));
    }

    /** The documents from {@code min} to before {@code max}, counted across the index's segments. */
    private static void score(Weight weight, IndexSearcher searcher, TopScoreDocCollector collector, int min, int max)
            throws IOException {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int from = Math.max(min - leaf.docBase, 0);
            int to = Math.min(max - leaf.docBase, leaf.reader().maxDoc());
            if (from >= to) {
                continue;
            }
            BulkScorer scorer = weight.bulkScorer(leaf);
            LeafCollector leafCollector = collector.getLeafCollector(leaf);
            if (scorer != null) {
                scorer.score(leafCollector, leaf.reader().getLiveDocs(), from, to);
            }
            leafCollector.finish();
        }
    }

    private static void awaitHalf(FutureTask<Void> half) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    half.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // the helper is scoring with this search's objects: wait for it
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        } catch (CancellationException e) {
            throw new IllegalStateException("a half of the search was cancelled", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
