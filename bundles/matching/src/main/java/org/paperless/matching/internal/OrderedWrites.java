package org.paperless.matching.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Writes that run beside the caller, one at a time and in order: a write starts only after the previous
 * one finished, and the failure of one is thrown to the caller at its next step.
 */
final class OrderedWrites {

    private final ExecutorService writer;
    private Future<?> pending;

    OrderedWrites(ExecutorService writer) {
        this.writer = writer;
    }

    void submit(Runnable write) {
        finish();
        pending = writer.submit(write);
    }

    /** Waits for the write in progress, if any. */
    void finish() {
        Future<?> write = pending;
        pending = null;
        if (write == null) {
            return;
        }
        try {
            write.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the changes were written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("Writing the changes failed: " + e.getCause(), e.getCause());
        }
    }

    /** After a failure elsewhere: the write in progress still ends before the caller goes on. */
    void finishAfter(RuntimeException failure) {
        try {
            finish();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
