package org.paperless.api.runtime;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;

/**
 * An optional service of another bundle as a component holds it through a dynamic reference (bind and unbind
 * call {@link #bind} and {@link #unbind}). When it is away and its bundle is still installed, {@link #await}
 * waits for it to come back, up to a limit; when it was never there or its bundle was uninstalled, it answers
 * at once. The owner calls {@link #close} when it deactivates.
 */
public final class AwaitedService<T> implements AutoCloseable {

    /** Calls of one piece of work, the first included, while the service comes and goes. */
    public static final int ATTEMPTS = 3;

    private final String capability;
    private final Supplier<List<String>> reporter = this::report;
    private T current;
    /** The provider's bundle while the service is away and may come back. */
    private Bundle away;
    private long awaySince;
    private int waiting;
    private boolean closed;

    /** @param capability what the service gives, for messages: "OCR (Tesseract)" */
    public AwaitedService(String capability) {
        this.capability = capability;
        ServiceWait.register(reporter);
    }

    public synchronized void bind(T service) {
        current = service;
        away = null;
        notifyAll();
    }

    /** Ignores a service that was replaced already (a greedy reference binds the new one first). */
    public synchronized void unbind(T service) {
        if (current == service) {
            current = null;
            away = ServiceWait.providerOf(service);
            awaySince = System.nanoTime();
        }
    }

    /** The service now, or null. */
    public synchronized T now() {
        return current;
    }

    /**
     * The service; while it is away and its bundle installed, waits for it up to {@code limit}.
     *
     * @return the service, or null when it is not there (never was, uninstalled, or still away after the limit)
     * @throws InterruptedException when the waiting thread is interrupted or the owner closes
     */
    public synchronized T await(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        waiting++;
        try {
            while (current == null && ServiceWait.mayComeBack(away)) {
                if (closed) {
                    throw new InterruptedException(capability + ": the component waiting for it is stopping");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                wait(Math.max(1, Math.min(ServiceWait.POLL_MILLIS, left / 1_000_000)));
            }
            return current;
        } finally {
            waiting--;
        }
    }

    /**
     * Calls the service, waiting for it while it is away; when the call fails and the service went away
     * meanwhile (its bundle was restarted or updated during the call), calls the one that comes back, up to
     * {@link #ATTEMPTS} calls in all.
     *
     * @throws ServiceMissingException when it is not there, or still away after the limit (the message says which)
     * @throws InterruptedException when the waiting thread is interrupted or the owner closes
     */
    public <R, E extends Exception> R call(Duration limit, ServiceCall<? super T, R, E> call)
            throws E, ServiceMissingException, InterruptedException {
        for (int attempt = 1;; attempt++) {
            T service = await(limit);
            if (service == null) {
                throw new ServiceMissingException(absence() + (isAway() ? "; waited " + limit.toSeconds() + " s" : ""));
            }
            try {
                return call.call(service);
            } catch (RuntimeException | Error e) {
                if (attempt >= ATTEMPTS || now() == service) {
                    throw e;
                }
            } catch (Exception e) {
                if (attempt >= ATTEMPTS || now() == service) {
                    @SuppressWarnings("unchecked")
                    E thrown = (E) e; // call.call throws only E besides unchecked exceptions
                    throw thrown;
                }
            }
        }
    }

    /** Whether the service is missing but its bundle is installed: it may come back, and what needs it should not go on without it. */
    public synchronized boolean isAway() {
        return current == null && ServiceWait.mayComeBack(away);
    }

    /** Why the service is not there, for a refusal: "OCR (Tesseract) is not available (org.paperless.ocr.tesseract is stopped)". */
    public synchronized String absence() {
        if (current != null) {
            return capability + " is available";
        }
        return capability + " is not available" + (away == null ? "" : " (" + ServiceWait.describe(away) + ")");
    }

    private synchronized List<String> report() {
        if (current != null || !ServiceWait.mayComeBack(away)) {
            return List.of();
        }
        long seconds = (System.nanoTime() - awaySince) / 1_000_000_000L;
        return List.of(capability + ": away for " + seconds + " s (" + ServiceWait.describe(away) + "), "
                + waiting + (waiting == 1 ? " task waits" : " tasks wait") + " for it");
    }

    @Override
    public synchronized void close() {
        closed = true;
        ServiceWait.unregister(reporter);
        notifyAll();
    }
}
