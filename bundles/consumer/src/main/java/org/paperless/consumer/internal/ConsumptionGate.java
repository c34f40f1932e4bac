package org.paperless.consumer.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.paperless.api.consumer.ConsumptionPause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the consumptions in flight and holds new ones while a pause is in force. A monitor, not a lock:
 * a pause may be closed by another thread than the one that took it.
 */
final class ConsumptionGate implements ConsumptionPause {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumptionGate.class);

    private final List<String> reasons = new ArrayList<>();
    private int inFlight;

    /** @return null when the consumption may go on (call {@link #leave()} after it), else why not */
    synchronized String enter() {
        if (!reasons.isEmpty()) {
            return reasons.get(0);
        }
        inFlight++;
        return null;
    }

    synchronized void leave() {
        inFlight--;
        notifyAll();
    }

    /** Waits until no consumption is in flight, for a component that is going away. */
    synchronized boolean drain(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Why consumption is held now, or null. */
    synchronized String pausedFor() {
        return reasons.isEmpty() ? null : reasons.get(0);
    }

    @Override
    public Held pause(String reason, Duration timeout) throws InterruptedException {
        synchronized (this) {
            reasons.add(reason);
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (inFlight > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new IllegalStateException("Documents are being consumed and did not finish within "
                                + timeout.toSeconds() + " s; try again when the consume folder is quiet");
                    }
                    wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException | RuntimeException e) {
                reasons.remove(reason); // given up: consumption goes on
                throw e;
            }
        }
        LOG.info("Consumption paused: {}", reason);
        return new Held() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (ConsumptionGate.this) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    reasons.remove(reason);
                }
                LOG.info("Consumption goes on: {} has finished", reason);
            }
        };
    }
}
