package org.paperless.matching.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A text that stops a regular expression when its time is up. Java's regex engine cannot be interrupted,
 * but it reads the text through charAt, so the check goes there (every 4096 reads, to stay cheap).
 * The time is the matching thread's CPU time where the JVM measures it: waiting for a core on a busy
 * machine or a garbage-collection pause must not turn a match into no match.
 */
final class Deadline implements CharSequence {

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
    private final long deadline;
    private int reads;

    private Deadline(CharSequence text, long deadline) {
        this.text = text;
        this.deadline = deadline;
    }

    /** The text, for an expression that may run {@code budgetNanos} from now on the calling thread. */
    static Deadline after(CharSequence text, long budgetNanos) {
        return new Deadline(text, now() + budgetNanos);
    }

    private static long now() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 0xFFF) == 0 && now() > deadline) {
            throw new Expired();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new Deadline(text.subSequence(start, end), deadline);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
