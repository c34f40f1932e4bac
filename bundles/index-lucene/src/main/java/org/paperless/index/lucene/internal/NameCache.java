package org.paperless.index.lucene.internal;

import java.util.function.Supplier;

/** The names, read again when they may have changed: a few small queries, never more than once a second. */
final class NameCache {

    private static final long MAX_AGE_NANOS = 1_000_000_000L;

    private final Supplier<Names> loader;
    private Names names;
    private long loadedAt;

    NameCache(Supplier<Names> loader) {
        this.loader = loader;
    }

    synchronized Names get() {
        long now = System.nanoTime();
        if (names == null || now - loadedAt > MAX_AGE_NANOS) {
            names = loader.get();
            loadedAt = now;
        }
        return names;
    }

    /** Names that cover this document: read again when it names an object created since the last read. */
    synchronized Names covering(org.paperless.api.Document document) {
        Names current = get();
        return current.cover(document) ? current : fresh();
    }

    /** For a walk over every document: one read at its start. */
    synchronized Names fresh() {
        names = null;
        return get();
    }
}
