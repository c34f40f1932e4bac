package org.paperless.consumer.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.paperless.api.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's threads: files handed in by the consume folder or a batch are consumed here, at most
 * {@code parallelism} of them read (staged, parsed, OCR) at once. There are twice as many threads as
 * reading permits, so a file that waits for its turn to be stored does not keep the next one from being
 * read. Jobs start in the order they were handed in (all threads exist from the start and never die), so
 * the file whose turn it is always has a thread: the order of arrival cannot deadlock.
 */
final class ConsumptionPool {

    /** A file's consumption, or what becomes of it when the pool closes before it ran. */
    interface Job extends Runnable {
        /** Never ran: give back what it holds; the file stays where it is. */
        void abandon();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConsumptionPool.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int parallelism;
    private final Semaphore readers;
    private final ThreadPoolExecutor threads;

    ConsumptionPool(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be 1 or more, not " + parallelism);
        }
        this.parallelism = parallelism;
        this.readers = new Semaphore(parallelism, true);
        int id = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(2 * parallelism, 2 * parallelism, 0L, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "paperless-consume-" + id + "-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        threads.prestartAllCoreThreads();
    }

    /** PAPERLESS_TASK_WORKERS as paperless-ngx has it (documents in parallel); default the number of cores. */
    static int parallelism(ConsumerConfig config, Map<String, String> env) {
        int n = Settings.of(env::get).integer("parallelism", config.parallelism(), "PAPERLESS_TASK_WORKERS",
                Runtime.getRuntime().availableProcessors());
        if (n < 1) {
            throw new IllegalArgumentException("PAPERLESS_TASK_WORKERS / parallelism must be 1 or more, got '" + n + "'");
        }
        return n;
    }

    /** A new source of files; as many of its files are in flight as there are threads. */
    ArrivalOrder newOrder() {
        return new ArrivalOrder(2 * parallelism);
    }

    Slot slot(ArrivalOrder order, long ticket) {
        return new Slot(readers, order, ticket);
    }

    Slot alone() {
        return Slot.alone(readers);
    }

    /** The job must not throw: a thread that dies would let a later job start before an earlier one. */
    void execute(Job job) {
        try {
            threads.execute(job);
        } catch (RejectedExecutionException e) {
            job.abandon();
        }
    }

    /**
     * Takes no new jobs and gives back those that never started; jobs running go on to their end (an
     * interrupted parser would put a good file into failed/). Called once the consumptions in flight
     * were drained, so normally nothing is left.
     */
    void close(Duration wait) throws InterruptedException {
        threads.shutdown();
        List<Runnable> queued = new ArrayList<>();
        threads.getQueue().drainTo(queued);
        for (Runnable r : queued) {
            ((Job) r).abandon();
        }
        if (!threads.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("Documents are still being consumed after {} s; they finish in the background", wait.toSeconds());
        }
    }
}
