package org.paperless.parser.mail.internal;

import java.lang.management.ManagementFactory;

/**
 * What the calling thread spends while it runs something: bytes allocated (garbage included, so a copy per
 * line shows) and CPU time (not wall time, so a busy machine does not fail a test).
 */
final class Cost {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    interface Work<T> {
        T run() throws Exception;
    }

    record Measured<T>(T result, long bytes, long cpuMillis) {
    }

    private Cost() {
    }

    static <T> Measured<T> of(Work<T> work) throws Exception {
        long bytes = THREADS.getCurrentThreadAllocatedBytes();
        long cpu = THREADS.getCurrentThreadCpuTime();
        T result = work.run();
        return new Measured<>(result, THREADS.getCurrentThreadAllocatedBytes() - bytes,
                (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000);
    }
}
