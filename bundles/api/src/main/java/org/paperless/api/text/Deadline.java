package org.paperless.api.text;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A CPU-time budget for one search over a document's text. Java's regex engine cannot be interrupted, but
 * it reads its input through {@code charAt}, so the text returned by {@link #guard} checks the budget
 * there; other loops call {@link #tick} per step. The clock is read only every 16384 steps (reading it is
 * costly, and most searches are done before the first check) and starts at that first check. It is the
 * working thread's CPU time where the JVM measures it: waiting for a core on a busy machine or a
 * garbage-collection pause must not turn a match into no match.
 *
 * <p>A deadline belongs to the one thread doing the search; it is not thread-safe.
 */
public final class Deadline {

    private static final int CHECK_MASK = 0x3FFF;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    private static final long NOT_STARTED = Long.MIN_VALUE;

    /** Thrown out of the search (through the regex engine, too) when the time is up. */
    public static final class Expired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Expired() {
            super("the search over the text ran out of time", null, false, false);
        }
    }

    private final long budget;
    private long deadline = NOT_STARTED;
    private int steps;

    private Deadline(long budgetNanos) {
        this.budget = budgetNanos;
    }

    /** A budget of {@code budgetNanos} of the calling thread's CPU time. */
    public static Deadline ofNanos(long budgetNanos) {
        if (budgetNanos < 0) {
            throw new IllegalArgumentException("A time budget cannot be negative: " + budgetNanos + " ns");
        }
        return new Deadline(budgetNanos);
    }

    /**
     * Counts one step of work.
     *
     * @throws Expired when the budget is used up
     */
    public void tick() {
        if ((++steps & CHECK_MASK) == 0) {
            check();
        }
    }

    /** The text, read under this budget: each {@code charAt} is a {@link #tick}, and so are its subsequences'. */
    public CharSequence guard(CharSequence text) {
        return new Guarded(text);
    }

    private void check() {
        long now = CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        if (deadline == NOT_STARTED) {
            deadline = now + budget;
        } else if (now > deadline) {
            throw new Expired();
        }
    }

    private final class Guarded implements CharSequence {
        private final CharSequence text;

        Guarded(CharSequence text) {
            this.text = text;
        }

        @Override
        public char charAt(int index) {
            tick();
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Guarded(text.subSequence(start, end));
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
