package org.paperless.index.lucene.internal.duplicates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Texts come back from their compact form as they went in. */
class SpooledTextTest {

    @Test
    void latin1TextsTakeAByteACharacter() {
        int[] text = IndelRatioTest.cp("straße 42 ÿ café");
        SpooledText spooled = SpooledText.of(text);
        assertTrue(spooled.latin1());
        assertEquals(text.length, spooled.bytes().length);
        assertArrayEquals(text, spooled.decode(text.length));
    }

    @Test
    void otherTextsGoThroughUtf8WithEveryLengthOfSequence() {
        // One, two, three and four bytes: a, é is Latin-1 but ω is not, 中, and a letter beyond the BMP.
        int[] text = IndelRatioTest.cp("a é ω 中 𝐀 z");
        SpooledText spooled = SpooledText.of(text);
        assertFalse(spooled.latin1());
        assertArrayEquals(text, spooled.decode(text.length));
        int[] buffer = new int[100];
        Arrays.fill(buffer, -1);
        assertEquals(text.length, spooled.decodeInto(buffer));
        assertArrayEquals(text, Arrays.copyOf(buffer, text.length));
        assertEquals(-1, buffer[text.length], "nothing written past the text");
    }
}
