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

    /** How long the boot features may take on a loaded machine (a first start resolves and starts every bundle). */
    static final long BOOT_MILLIS = 180_000;

    /**
     * Waits until Karaf has installed and started its boot features: they install asynchronously, and a
     * feature installed late refreshes bundles (a command vanishes for a moment) while a test runs.
     */
    static void awaitBootFinished(BundleContext context, long timeoutMillis) throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context,
                context.createFilter("(objectClass=org.apache.karaf.features.BootFinished)"), null);
        tracker.open(true);
        try {
            if (tracker.waitForService(timeoutMillis) == null) {
                throw new AssertionError("Karaf's boot features did not finish within " + timeoutMillis + " ms");
            }
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
