package org.paperless.maintenance.internal.run;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Work done side by side in a bounded pool, its results taken in the order the work was given: at most
 * {@code width} items in flight, so memory stays flat however many documents there are.
 */
public final class Window<T> {

    /** Takes one result, on the caller's thread. */
    @FunctionalInterface
    public interface Sink<T> {
        void accept(T result) throws Exception;
    }

    private final ExecutorService pool;
    private final int width;
    private final Sink<T> sink;
    private final Deque<Future<T>> inFlight = new ArrayDeque<>();

    public Window(ExecutorService pool, int width, Sink<T> sink) {
        this.pool = pool;
        this.width = width;
        this.sink = sink;
    }

    public void submit(Callable<T> work) throws Exception {
        if (inFlight.size() >= width) {
            takeOldest();
        }
        inFlight.add(pool.submit(work));
    }

    /** Waits for everything given so far. */
    public void drain() throws Exception {
        while (!inFlight.isEmpty()) {
            takeOldest();
        }
    }

    /** Gives up what is still running (the caller failed or stops). */
    public void cancel() {
        inFlight.forEach(f -> f.cancel(true));
        inFlight.clear();
    }

    private void takeOldest() throws Exception {
        Future<T> oldest = inFlight.poll();
        T result;
        try {
            result = oldest.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
        sink.accept(result);
    }
}
