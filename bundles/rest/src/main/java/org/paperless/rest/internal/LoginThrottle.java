package org.paperless.rest.internal;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per client address: after {@code max} within a window the address waits until the window ends
 * (429), so passwords and tokens cannot be guessed at the speed of the machine. At most {@link #ADDRESSES}
 * addresses are remembered; when more fail at once, the oldest windows are forgotten first.
 */
final class LoginThrottle {

    static final int ADDRESSES = 10_000;

    private record Window(long start, int failures) {
    }

    private final int max;
    private final long windowMillis;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final java.util.function.LongSupplier clock;

    LoginThrottle(int max, long windowMillis) {
        this(max, windowMillis, System::currentTimeMillis);
    }

    LoginThrottle(int max, long windowMillis, java.util.function.LongSupplier clock) {
        this.max = max;
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    /** Refuses the address while it has failed too often. */
    void check(String address) {
        Window w = windows.get(address);
        long now = clock.getAsLong();
        if (w != null && now - w.start() < windowMillis && w.failures() >= max) {
            long seconds = Math.max(1, (w.start() + windowMillis - now) / 1000);
            throw ApiException.detail(429, "Request was throttled. Expected available in " + seconds + " seconds.");
        }
    }

    void failed(String address) {
        long now = clock.getAsLong();
        windows.compute(address, (a, w) -> w == null || now - w.start() >= windowMillis
                ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
        if (windows.size() > ADDRESSES) {
            forgetExpired(now);
        }
    }

    private void forgetExpired(long now) {
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext();) {
            if (now - it.next().start() >= windowMillis || windows.size() > ADDRESSES) {
                it.remove();
            }
        }
    }
}
