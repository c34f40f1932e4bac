package org.paperless.index.lucene.internal.duplicates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Every pair of a corpus whose ratio reaches the cut-off. Documents are taken in order of length, so each one
 * meets only the longer ones its length still allows; of those, the pairs the {@link CandidateRule} lets
 * through (sketches that agree enough, or a short text) are compared exactly. Runs on the given executor,
 * one task per thread, each taking the next stretch of documents and going once through the longer documents
 * for the whole stretch: a partner's text is fetched once for all the stretch's documents it meets, each of
 * which keeps its own {@link IndelRatio} tables.
 */
final class PairSearch {

    /** Two documents by their number in the corpus, the lower first. */
    record Match(int first, int second, double ratio) {
    }

    /** Documents a task takes at a time. */
    private static final int STRETCH = 16;
    private static final long PROGRESS_MILLIS = 250;

    private final Corpus corpus;
    private final int minRatio;
    private final CandidateRule rule;
    private final int[] order;
    private final LongAdder exact = new LongAdder();

    PairSearch(Corpus corpus, int minRatio) {
        this.corpus = corpus;
        this.minRatio = minRatio;
        this.rule = new CandidateRule(minRatio);
        this.order = IntStream.range(0, corpus.size()).filter(d -> !corpus.blank(d)).boxed()
                .sorted(Comparator.comparingInt(corpus::length).thenComparingInt(d -> d))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Pairs compared exactly so far. */
    long exactComparisons() {
        return exact.sum();
    }

    /** Documents that take part (those not blank). */
    int documents() {
        return order.length;
    }

    /**
     * @param done told on the calling thread (a console session prints only from its own) how many documents
     *        have been compared with all their partners so far
     * @return the matches, ordered by first then second document
     */
    List<Match> run(ExecutorService executor, int threads, LongConsumer done) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        List<Future<List<Match>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(executor.submit(() -> work(next, finished)));
        }
        List<Match> matches = new ArrayList<>();
        try {
            for (Future<List<Match>> future : futures) {
                matches.addAll(await(future, finished, done));
            }
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
        done.accept(finished.get());
        matches.sort(Comparator.comparingInt(Match::first).thenComparingInt(Match::second));
        return matches;
    }

    private static List<Match> await(Future<List<Match>> future, AtomicInteger finished, LongConsumer done)
            throws InterruptedException {
        while (true) {
            try {
                return future.get(PROGRESS_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                done.accept(finished.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof InterruptedException interrupted) {
                    throw interrupted;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private List<Match> work(AtomicInteger next, AtomicInteger finished) throws InterruptedException {
        List<Match> found = new ArrayList<>();
        IndelRatio[] ratios = new IndelRatio[STRETCH];
        TextCache texts = new TextCache(corpus, order.length);
        for (int start = next.getAndAdd(STRETCH); start < order.length; start = next.getAndAdd(STRETCH)) {
            if (Thread.interrupted()) {
                throw new InterruptedException("the search for near-duplicates was stopped");
            }
            int end = Math.min(order.length, start + STRETCH);
            texts.releaseBefore(start + 1);
            compareWithLonger(start, end, ratios, texts, found);
            finished.addAndGet(end - start);
        }
        return found;
    }

    /** The documents at positions {@code start..end - 1} each with every later one the lengths allow. */
    private void compareWithLonger(int start, int end, IndelRatio[] ratios, TextCache texts, List<Match> found) {
        int size = end - start;
        int[] lengths = new int[size];
        boolean[] exactOnly = new boolean[size];
        // Whether a document has met the first partner too long for it (all later ones are longer still), and
        // whether its tables are made.
        boolean[] done = new boolean[size];
        boolean[] ready = new boolean[size];
        for (int k = 0; k < size; k++) {
            lengths[k] = corpus.length(order[start + k]);
            exactOnly[k] = rule.exactOnly(lengths[k]);
        }
        int left = size;
        for (int q = start + 1; q < order.length && left > 0; q++) {
            int other = order[q];
            int otherLength = corpus.length(other);
            int[] otherText = null;
            for (int k = 0; k < size && start + k < q; k++) {
                if (done[k]) {
                    continue;
                }
                if (!rule.lengthsAllow(lengths[k], otherLength)) {
                    done[k] = true;
                    left--;
                    continue;
                }
                int document = order[start + k];
                if (!exactOnly[k] && !rule.sketchesAllow(corpus.agreement(document, other))) {
                    continue;
                }
                if (ratios[k] == null) {
                    ratios[k] = new IndelRatio();
                }
                if (!ready[k]) {
                    // The shorter text of every pair it meets: its tables serve them all.
                    ratios[k].usePattern(corpus.text(document));
                    ready[k] = true;
                }
                if (otherText == null) {
                    otherText = texts.get(q, other);
                }
                exact.increment();
                double r = ratios[k].ratio(otherText, otherLength, minRatio);
                if (r >= 0) {
                    found.add(new Match(Math.min(document, other), Math.max(document, other), r));
                }
            }
        }
    }
}
