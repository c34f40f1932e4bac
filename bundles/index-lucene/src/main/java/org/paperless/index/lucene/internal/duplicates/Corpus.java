package org.paperless.index.lucene.internal.duplicates;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the search keeps of each document: id, processed length and sketch (about 530 bytes), while the texts
 * wait in a {@link TextSpool}. Documents are numbered in the order they were added.
 */
final class Corpus implements Closeable {

    private final TextSpool spool;
    private long[] ids = new long[1024];
    private int[] lengths = new int[1024];
    /** Packed sketches, {@link Sketch#LONGS} per document. */
    private long[] sketches = new long[1024 * Sketch.LONGS];
    private boolean[] sketched = new boolean[1024];
    private boolean[] blank = new boolean[1024];
    private int size;

    Corpus(Path spoolFolder) throws IOException {
        this.spool = new TextSpool(spoolFolder);
    }

    /** A document made ready to add: the costly part, which may run on any thread. */
    record Prepared(long id, String title, int[] text, boolean blank, long[] sketch) {
    }

    static Prepared prepare(long id, String title, String content) {
        int[] text = FuzzText.process(content);
        long[] sketch = new long[Sketch.LONGS];
        return new Prepared(id, title, text, FuzzText.blank(content), Sketch.of(text, sketch, 0) ? sketch : null);
    }

    /** Adds documents in the order they are to be numbered. */
    void add(Prepared document) throws IOException {
        if (size == ids.length) {
            grow();
        }
        ids[size] = document.id();
        lengths[size] = document.text().length;
        blank[size] = document.blank();
        sketched[size] = document.sketch() != null;
        if (document.sketch() != null) {
            System.arraycopy(document.sketch(), 0, sketches, size * Sketch.LONGS, Sketch.LONGS);
        }
        spool.add(document.text(), document.title());
        size++;
    }

    /** Ends adding; texts can be read from now on. */
    void finish() throws IOException {
        spool.finish();
    }

    private void grow() {
        int capacity = ids.length * 2;
        ids = Arrays.copyOf(ids, capacity);
        lengths = Arrays.copyOf(lengths, capacity);
        sketches = Arrays.copyOf(sketches, capacity * Sketch.LONGS);
        sketched = Arrays.copyOf(sketched, capacity);
        blank = Arrays.copyOf(blank, capacity);
    }

    int size() {
        return size;
    }

    long id(int document) {
        return ids[document];
    }

    int length(int document) {
        return lengths[document];
    }

    /** paperless-ngx leaves out documents whose content is only whitespace. */
    boolean blank(int document) {
        return blank[document];
    }

    /** How many sketch positions two documents share, or -1 when one has no sketch (fewer than five characters). */
    int agreement(int first, int second) {
        if (!sketched[first] || !sketched[second]) {
            return -1;
        }
        return Sketch.agreement(sketches, first * Sketch.LONGS, second * Sketch.LONGS);
    }

    int[] text(int document) {
        return spool.text(document).decode(lengths[document]);
    }

    /** The text as the spool keeps it: compact, to be decoded when needed. */
    SpooledText spooledText(int document) {
        return spool.text(document);
    }

    String title(int document) {
        return spool.title(document);
    }

    @Override
    public void close() throws IOException {
        spool.close();
    }
}
