package org.paperless.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    @Test
    void anAddressWaitsAfterTooManyFailuresAndOthersDoNot() {
        LoginThrottle throttle = new LoginThrottle(3, 60_000);
        for (int i = 0; i < 3; i++) {
            throttle.check("10.0.0.1");
            throttle.failed("10.0.0.1");
        }
        ApiException refused = assertThrows(ApiException.class, () -> throttle.check("10.0.0.1"));
        assertEquals(429, refused.status());
        throttle.check("10.0.0.2");
    }

    @Test
    void theWindowEnds() {
        long[] now = {1_000};
        LoginThrottle throttle = new LoginThrottle(1, 60_000, () -> now[0]);
        throttle.failed("10.0.0.1");
        now[0] += 59_000;
        assertThrows(ApiException.class, () -> throttle.check("10.0.0.1"));
        now[0] += 1_000;
        throttle.check("10.0.0.1");
    }
}
