package org.paperless.itests;

import java.util.concurrent.Callable;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** Waiting inside the container: services come and go when bundles restart. */
final class Services {

    private Services() {
    }

    static <T> T await(BundleContext context, Class<T> type, long timeoutMillis) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(timeoutMillis);
            if (service == null) {
                throw new AssertionError(type.getSimpleName() + " did not appear within " + timeoutMillis + " ms");
            }
            return service;
        } finally {
            tracker.close();
        }
    }

    /** Retries until the call succeeds, for commands that re-register after a restart. */
    static <T> T eventually(long timeoutMillis, Callable<T> call) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            try {
                return call.call();
            } catch (Exception | AssertionError e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }
}
