package org.paperless.matching.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class DeadlineTest {

    private static final String TEXT = "x".repeat(20_000);

    @Test
    void waitingDoesNotUseUpTheTime() throws InterruptedException {
        Deadline text = Deadline.after(TEXT, 50_000_000L);
        read(text, 20_000); // the clock has started
        Thread.sleep(200); // a busy machine: the thread waits for a core
        read(text, 20_000);
        assertEquals(20_000, Pattern.compile("x+").matcher(text).results().mapToInt(r -> r.end() - r.start()).sum());
    }

    @Test
    void workingUsesItUp() {
        Deadline text = Deadline.after(TEXT, 1_000_000L);
        assertThrows(Deadline.Expired.class, () -> {
            for (int i = 0; i < 10_000; i++) {
                Pattern.compile("x*y").matcher(text).find();
            }
        });
    }

    private static void read(CharSequence text, int n) {
        for (int i = 0; i < n; i++) {
            text.charAt(i % text.length());
        }
    }
}
