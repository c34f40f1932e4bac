package org.paperless.api.runtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * How long work waits for a service whose bundle is still installed but not running (restarted, updated,
 * stopped for a while), and what is away right now, for paperless:status. A service whose bundle was never
 * there, or was uninstalled, is not waited for: the work goes on without it, or is refused at once.
 */
public final class ServiceWait {

    /** Seconds; PAPERLESS_SERVICE_WAIT or the system property paperless.service.wait. */
    public static final String VARIABLE = "PAPERLESS_SERVICE_WAIT";
    static final Duration DEFAULT = Duration.ofSeconds(120);
    /** How often a waiter looks whether the bundle was uninstalled meanwhile (no event tells it). */
    public static final long POLL_MILLIS = 500;

    private static final List<Supplier<List<String>>> REPORTERS = new CopyOnWriteArrayList<>();

    private ServiceWait() {
    }

    /** The configured limit; a value that is no number of seconds falls back to the default. */
    public static Duration limit() {
        String value = System.getProperty("paperless.service.wait", System.getenv(VARIABLE));
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return DEFAULT;
        }
    }

    /** One line per capability away now, with the documents waiting for it: "OCR (Tesseract) away 12 s ...". */
    public static List<String> awayNow() {
        return REPORTERS.stream().flatMap(r -> r.get().stream()).sorted().toList();
    }

    public static void register(Supplier<List<String>> reporter) {
        REPORTERS.add(reporter);
    }

    public static void unregister(Supplier<List<String>> reporter) {
        REPORTERS.remove(reporter);
    }

    /** The bundle whose class loader made the service object: the bundle that provides it. */
    public static Bundle providerOf(Object service) {
        return FrameworkUtil.getBundle(service.getClass());
    }

    /** Whether a provider that went away may come back: its bundle is still installed. */
    public static boolean mayComeBack(Bundle provider) {
        return provider != null && provider.getState() != Bundle.UNINSTALLED;
    }

    /** "org.paperless.ocr.tesseract is stopped" and the like. */
    public static String describe(Bundle provider) {
        String name = provider.getSymbolicName();
        return switch (provider.getState()) {
            case Bundle.INSTALLED -> name + " is installed but not resolved";
            case Bundle.RESOLVED -> name + " is stopped";
            case Bundle.STARTING -> name + " is starting";
            case Bundle.STOPPING -> name + " is stopping";
            case Bundle.ACTIVE -> name + " is active, without the service";
            default -> name + " was uninstalled";
        };
    }
}
