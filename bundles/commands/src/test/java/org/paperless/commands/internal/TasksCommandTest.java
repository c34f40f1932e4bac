package org.paperless.commands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TasksCommandTest {

    @Test
    void howLongATaskTookReadsAtAGlance() {
        assertEquals("0 ms", TasksCommand.took(Duration.ZERO));
        assertEquals("850 ms", TasksCommand.took(Duration.ofMillis(850)));
        assertEquals("12.5 s", TasksCommand.took(Duration.ofMillis(12_480)));
        assertEquals("3 min 4 s", TasksCommand.took(Duration.ofSeconds(184)));
        assertEquals("2 h 5 min", TasksCommand.took(Duration.ofMinutes(125)));
    }
}
