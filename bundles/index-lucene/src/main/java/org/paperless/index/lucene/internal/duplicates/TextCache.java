package org.paperless.index.lucene.internal.duplicates;

/**
 * The partner texts one search thread holds, as the spool keeps them (a byte a character for Latin-1), up to
 * {@link #BUDGET} bytes. A thread goes through the partners of each stretch in order and its stretches move
 * on, so it keeps the texts it met first and lets go of those its stretches have passed: the nearest partners
 * stay, where keeping the most recent would lose every text of a window longer than the budget before its
 * next use. Texts are decoded into one buffer, overwritten by the next {@link #get}.
 */
final class TextCache {

    static final long BUDGET = 16L << 20;

    private final Corpus corpus;
    private final long budget;
    /** By position in the search order. */
    private final SpooledText[] held;
    private int releasedBefore;
    private long size;
    private int[] buffer = new int[1024];

    TextCache(Corpus corpus, int positions) {
        this(corpus, positions, BUDGET);
    }

    TextCache(Corpus corpus, int positions, long budget) {
        this.corpus = corpus;
        this.budget = budget;
        this.held = new SpooledText[positions];
    }

    /** The text of the document at {@code position}: the first {@code corpus.length(document)} code points of the buffer. */
    int[] get(int position, int document) {
        SpooledText text = held[position];
        if (text == null) {
            text = corpus.spooledText(document);
            if (position >= releasedBefore && size + text.bytes().length <= budget) {
                held[position] = text;
                size += text.bytes().length;
            }
        }
        int length = corpus.length(document);
        if (buffer.length < length) {
            buffer = new int[Math.max(length, buffer.length * 2)];
        }
        text.decodeInto(buffer);
        return buffer;
    }

    boolean holds(int position) {
        return held[position] != null;
    }

    /** Lets go of the texts before {@code position}: the thread needs none of them again. */
    void releaseBefore(int position) {
        for (int p = releasedBefore; p < Math.min(position, held.length); p++) {
            if (held[p] != null) {
                size -= held[p].bytes().length;
                held[p] = null;
            }
        }
        releasedBefore = Math.max(releasedBefore, position);
    }
}
