package org.paperless.consumer.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * The order in which one source (the consume folder, one paperless:consume) hands in its files. Files are
 * read side by side, but each one's outcome (stored, or refused into failed/) waits for the outcomes of
 * the files before it: document ids follow the order of arrival. Every ticket handed out must be passed
 * exactly once, or the files after it wait for ever.
 */
public final class ArrivalOrder {

    private final int window;
    private long issued;
    /** The ticket whose turn it is. */
    private long next;
    /** Tickets passed before their turn (a file that changed, or was given back unread). */
    private final Set<Long> passedEarly = new HashSet<>();

    /** @param window how many of this source's files may be in flight at once */
    ArrivalOrder(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be 1 or more, not " + window);
        }
        this.window = window;
    }

    /** The next ticket; waits while a window's worth of files is in flight, so a full folder is not all read ahead. */
    synchronized long arrive() throws InterruptedException {
        while (issued - next >= window) {
            wait();
        }
        return issued++;
    }

    /** Waits until every file before this one has passed; the caller may not be interrupted out of it. */
    synchronized void awaitTurn(long ticket) {
        boolean interrupted = false;
        while (next != ticket) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true; // the files before it always finish: waiting is safe, and the flag is kept
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized void pass(long ticket) {
        if (ticket != next) {
            passedEarly.add(ticket);
            return;
        }
        next++;
        while (passedEarly.remove(next)) {
            next++;
        }
        notifyAll();
    }

    /** Files handed in whose turn has not passed yet. */
    synchronized long inFlight() {
        return issued - next;
    }
}
