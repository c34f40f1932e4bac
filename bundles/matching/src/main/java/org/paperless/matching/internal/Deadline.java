package org.paperless.matching.internal;

/**
 * A text that stops a regular expression when its time is up. Java's regex engine cannot be interrupted,
 * but it reads the text through charAt, so the check goes there (every 4096 reads, to stay cheap).
 */
final class Deadline implements CharSequence {

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

    Deadline(CharSequence text, long deadlineNanos) {
        this.text = text;
        this.deadline = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 0xFFF) == 0 && System.nanoTime() > deadline) {
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
