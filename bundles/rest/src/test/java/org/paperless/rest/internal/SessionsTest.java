package org.paperless.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Browser sessions end when they expire, when their user logs out, and the oldest go when too many are open. */
class SessionsTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final Sessions sessions = new Sessions(60_000, now::get);

    @Test
    void aSessionLastsItsAgeAndEndsAtLogout() {
        String id = sessions.open("bob", "token");
        assertEquals("bob", sessions.find(id).orElseThrow().user());
        now.addAndGet(59_999);
        assertTrue(sessions.find(id).isPresent());
        now.addAndGet(1);
        assertTrue(sessions.find(id).isEmpty(), "expired");
        String again = sessions.open("bob", "token");
        assertNotEquals(id, again);
        sessions.close(again);
        assertTrue(sessions.find(again).isEmpty());
        assertTrue(sessions.find(null).isEmpty() && sessions.find("forged").isEmpty());
    }

    @Test
    void theSessionsThatEndFirstGoWhenTooManyAreOpen() {
        String first = sessions.open("alice", "t");
        now.addAndGet(1);
        for (int i = 1; i < Sessions.MAX; i++) {
            sessions.open("user" + i, "t");
        }
        assertEquals(Sessions.MAX, sessions.size());
        String newest = sessions.open("carol", "t");
        assertEquals(Sessions.MAX, sessions.size());
        assertTrue(sessions.find(first).isEmpty(), "the one that ends first went");
        assertTrue(sessions.find(newest).isPresent());
        sessions.closeAll("carol");
        assertTrue(sessions.find(newest).isEmpty());
    }
}
