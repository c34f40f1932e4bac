package org.paperless.index.lucene.internal.duplicates;

import java.util.ArrayDeque;

/**
 * The texts one search thread read last, up to {@link #BUDGET} code points (16 MB): documents of similar length
 * meet the same partners, so most reads come from here rather than from the spool file. The oldest read goes
 * first when the budget is spent.
 */
final class TextCache {

    static final long BUDGET = 4L << 20;

    private final Corpus corpus;
    private final int[][] texts;
    private final ArrayDeque<Integer> order = new ArrayDeque<>();
    private long held;

    TextCache(Corpus corpus) {
        this.corpus = corpus;
        this.texts = new int[corpus.size()][];
    }

    int[] get(int document) {
        int[] text = texts[document];
        if (text == null) {
            text = corpus.text(document);
            texts[document] = text;
            order.addLast(document);
            held += text.length;
            while (held > BUDGET && order.size() > 1) {
                int oldest = order.removeFirst();
                held -= texts[oldest].length;
                texts[oldest] = null;
            }
        }
        return text;
    }
}
