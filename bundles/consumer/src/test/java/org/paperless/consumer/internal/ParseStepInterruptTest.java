package org.paperless.consumer.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;

import org.junit.jupiter.api.Test;
import org.paperless.api.parser.ParseException;

/** A read cut off by an interrupt is no damaged file: it must not be refused. */
class ParseStepInterruptTest {

    @Test
    void aReadClosedByAnInterruptIsAnInterruptionNotADamagedFile() {
        ParseException failure = new ParseException("The PDF x.pdf is damaged or truncated and cannot be read: "
                + "ClosedByInterruptException", new ClosedByInterruptException());
        assertTrue(ParseStep.interrupted(failure));
    }

    @Test
    void aDamagedFileIsNoInterruption() {
        assertFalse(ParseStep.interrupted(new ParseException("The PDF x.pdf is damaged or truncated",
                new IOException("Missing root object specification in trailer"))));
    }
}
