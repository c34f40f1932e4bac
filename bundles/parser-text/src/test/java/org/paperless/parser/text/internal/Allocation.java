package org.paperless.parser.text.internal;

import java.lang.management.ManagementFactory;

/** Bytes the calling thread allocates while it runs something: garbage included, so a whole-file copy shows. */
final class Allocation {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    interface Work<T> {
        T run() throws Exception;
    }

    record Measured<T>(T result, long bytes) {
    }

    private Allocation() {
    }

    static <T> Measured<T> of(Work<T> work) throws Exception {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        T result = work.run();
        return new Measured<>(result, THREADS.getCurrentThreadAllocatedBytes() - before);
    }
}
