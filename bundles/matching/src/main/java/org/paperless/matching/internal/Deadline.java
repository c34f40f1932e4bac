package org.paperless.matching.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A text that stops a regular expression when its time is up. Java's regex engine cannot be interrupted,
 * but it reads the text through charAt, so the check goes there, every 16384 reads: reading the clock is
 * costly, and most expressions are done before the first check. The clock starts at that first check
 * (what came before is a few microseconds). It is the matching thread's CPU time where the JVM measures
 * it: waiting for a core on a busy machine or a garbage-collection pause must not turn a match into no
 * match.
 */
final class Deadline implements CharSequence {

    private static final int CHECK_MASK = 0x3FFF;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    /** Thrown through the regex engine when the time is up. */
    static final class Expired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Expired() {
            super("the regular expression ran out of time", null, false, false);
        }
    }

    private final CharSequence text;
    private final long budget;
    private long deadline = Long.MIN_VALUE;
    private int reads;

    private Deadline(CharSequence text, long budget) {
        this.text = text;
        this.budget = budget;
    }

    /** The text, for an expression that may run {@code budgetNanos} on the calling thread. */
    static Deadline after(CharSequence text, long budgetNanos) {
        return new Deadline(text, budgetNanos);
    }

    private static long now() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    @Override
    public char charAt(int index) {
        if ((++reads & CHECK_MASK) == 0) {
            check();
        }
        return text.charAt(index);
    }

    private void check() {
        long now = now();
        if (deadline == Long.MIN_VALUE) {
            deadline = now + budget;
        } else if (now > deadline) {
            throw new Expired();
        }
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        Deadline part = new Deadline(text.subSequence(start, end), budget);
        part.deadline = deadline;
        return part;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
