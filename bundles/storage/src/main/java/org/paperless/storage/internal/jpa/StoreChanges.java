package org.paperless.storage.internal.jpa;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A number that grows after every write this bundle makes to the database: an answer worked out while it kept
 * one value is still the database's answer as long as it keeps it. Every transaction counts as a write unless
 * it is declared a read, so a write forgotten here costs cache hits, never a stale answer.
 */
final class StoreChanges {

    private static final AtomicLong GENERATION = new AtomicLong();

    private StoreChanges() {
    }

    /** The generation now: read it before the query whose answer is kept. */
    static long generation() {
        return GENERATION.get();
    }

    /** After a write (committed or not: a rollback may have raced a reader too). */
    static void written() {
        GENERATION.incrementAndGet();
    }
}
