package org.paperless.rest.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Browser sessions: a random id in an HttpOnly cookie names the user who logged in, until it expires or they log
 * out. Kept in memory (a restart logs everyone out), at most {@link #MAX} at once: when more log in, the sessions
 * that expire first go first.
 */
final class Sessions {

    static final int MAX = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A session: whose it is, its CSRF token, when it ends. */
    record Session(String user, String csrf, long expires) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final long ageMillis;
    private final LongSupplier clock;

    Sessions(long ageMillis, LongSupplier clock) {
        this.ageMillis = ageMillis;
        this.clock = clock;
    }

    /** A new session for the user; its id goes into the cookie. */
    String open(String user, String csrf) {
        if (sessions.size() >= MAX) {
            evict();
        }
        String id = random();
        sessions.put(id, new Session(user, csrf, clock.getAsLong() + ageMillis));
        return id;
    }

    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s != null && s.expires() <= clock.getAsLong()) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.ofNullable(s);
    }

    void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Every session of a user ends (their password changed, or they were deleted). */
    void closeAll(String user) {
        sessions.values().removeIf(s -> s.user().equals(user));
    }

    long ageSeconds() {
        return ageMillis / 1000;
    }

    int size() {
        return sessions.size();
    }

    private void evict() {
        long now = clock.getAsLong();
        sessions.values().removeIf(s -> s.expires() <= now);
        while (sessions.size() >= MAX) {
            sessions.entrySet().stream().min(Map.Entry.comparingByValue(java.util.Comparator.comparingLong(Session::expires)))
                    .ifPresent(e -> sessions.remove(e.getKey()));
        }
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
