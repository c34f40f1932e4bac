package org.paperless.consumer.internal;

import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * One file's place in its consumption: a reading permit while it is staged and parsed (at most
 * {@code parallelism} files are read at once), then its turn in the order of arrival for its outcome.
 * Used by the one thread that consumes the file; {@link #close()} gives back whatever it still holds.
 */
final class Slot implements AutoCloseable {

    /** A step that runs in the file's turn; it may pass the turn on before it ends. */
    interface Step<T> {
        T run(Runnable passTurn) throws Refusal, IOException;
    }

    private enum Turn { WAITING, HELD, PASSED }

    private final Semaphore readers;
    /** Null for a file given alone: nothing comes before it. */
    private final ArrivalOrder order;
    private final long ticket;
    private boolean reading;
    private Turn turn = Turn.WAITING;

    Slot(Semaphore readers, ArrivalOrder order, long ticket) {
        this.readers = readers;
        this.order = order;
        this.ticket = ticket;
    }

    /** A file given by itself (paperless:consume FILE): no other file's outcome comes first. */
    static Slot alone(Semaphore readers) {
        return new Slot(readers, null, 0);
    }

    /** Waits for a reading permit. */
    void startReading() throws InterruptedException {
        if (!reading) {
            readers.acquire();
            reading = true;
        }
    }

    /**
     * Gives the reading permit to the next file, waits for this file's turn, runs the step and passes the
     * turn, unless the step passed it already: the next file's outcome may follow while this one finishes
     * (writing its files, removing the source, the post-consume script). When the step fails before passing
     * it, the turn is kept for the refusal that follows; {@link #close()} passes it.
     */
    <T> T inTurn(Step<T> step) throws Refusal, IOException {
        awaitTurn();
        T result = step.run(this::passTurn);
        passTurn();
        return result;
    }

    /** For an outcome that is not a stored document (a refusal): it too comes after those of the files before. */
    void awaitTurn() {
        stopReading();
        if (turn == Turn.WAITING) {
            if (order != null) {
                order.awaitTurn(ticket);
            }
            turn = Turn.HELD;
        }
    }

    private void passTurn() {
        if (turn != Turn.PASSED) {
            turn = Turn.PASSED;
            if (order != null) {
                order.pass(ticket);
            }
        }
    }

    private void stopReading() {
        if (reading) {
            reading = false;
            readers.release();
        }
    }

    /** Whatever happened: the permit and the turn go to the next file. */
    @Override
    public void close() {
        stopReading();
        passTurn();
    }
}
