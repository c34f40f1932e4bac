package org.paperless.api.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class DeadlineTest {

    private static final String TEXT = "x".repeat(20_000);

    @Test
    void waitingDoesNotUseUpTheTime() throws InterruptedException {
        CharSequence text = Deadline.ofNanos(50_000_000L).guard(TEXT);
        read(text, 20_000); // the clock has started
        Thread.sleep(200); // a busy machine: the thread waits for a core
        read(text, 20_000);
        assertEquals(20_000, Pattern.compile("x+").matcher(text).results().mapToInt(r -> r.end() - r.start()).sum());
    }

    @Test
    void aRegexUsesItUp() {
        CharSequence text = Deadline.ofNanos(1_000_000L).guard(TEXT);
        assertThrows(Deadline.Expired.class, () -> {
            for (int i = 0; i < 10_000; i++) {
                Pattern.compile("x*y").matcher(text).find();
            }
        });
    }

    @Test
    void subsequencesShareTheBudget() {
        // Each part alone is read too briefly to reach a second clock reading; together they are not.
        CharSequence text = Deadline.ofNanos(1_000_000L).guard(TEXT);
        assertThrows(Deadline.Expired.class, () -> {
            for (int i = 0; i < 10_000; i++) {
                read(text.subSequence(0, 10_000), 10_000);
            }
        });
    }

    @Test
    void stepsUseItUp() {
        Deadline deadline = Deadline.ofNanos(1_000_000L);
        assertThrows(Deadline.Expired.class, () -> {
            double sink = 0;
            for (long i = 0; i < 100_000_000_000L; i++) {
                sink += Math.sqrt(i);
                deadline.tick();
            }
            assertEquals(-1, sink, "never reached");
        });
    }

    @Test
    void aGuardedTextReadsAsTheText() {
        CharSequence text = Deadline.ofNanos(0).guard("Rechnung 2024");
        assertEquals("2024", Pattern.compile("\\d+").matcher(text).results().findFirst().orElseThrow().group());
        assertEquals("Rechnung", text.subSequence(0, 8).toString());
        assertEquals(13, text.length());
    }

    @Test
    void aNegativeBudgetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Deadline.ofNanos(-1));
    }

    private static void read(CharSequence text, int n) {
        for (int i = 0; i < n; i++) {
            text.charAt(i % text.length());
        }
    }
}
