package org.paperless.index.lucene.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads with the index's name on them, numbered when there are several. */
final class NamedThreads implements ThreadFactory {

    private final String name;
    private final AtomicInteger count = new AtomicInteger();

    NamedThreads(String name) {
        this.name = name;
    }

    @Override
    public Thread newThread(Runnable work) {
        int number = count.incrementAndGet();
        Thread thread = new Thread(work, number == 1 ? name : name + "-" + number);
        thread.setDaemon(true);
        return thread;
    }
}
