package org.paperless.index.lucene.internal.duplicates;

import java.nio.charset.StandardCharsets;

/**
 * A processed text as the spool keeps it: a byte a character when every character is in Latin-1 (most
 * documents in Western languages), UTF-8 otherwise. Decoding writes code points into a caller's buffer, so a
 * search thread reading thousands of texts makes no garbage.
 */
record SpooledText(byte[] bytes, boolean latin1) {

    static SpooledText of(int[] text) {
        for (int c : text) {
            if (c > 0xFF) {
                return new SpooledText(new String(text, 0, text.length).getBytes(StandardCharsets.UTF_8), false);
            }
        }
        byte[] bytes = new byte[text.length];
        for (int i = 0; i < text.length; i++) {
            bytes[i] = (byte) text[i];
        }
        return new SpooledText(bytes, true);
    }

    /** Writes the code points into {@code into} from its start (it must have room for them all); returns how many. */
    int decodeInto(int[] into) {
        if (latin1) {
            for (int i = 0; i < bytes.length; i++) {
                into[i] = bytes[i] & 0xFF;
            }
            return bytes.length;
        }
        // UTF-8 as String.getBytes wrote it: well formed, one to four bytes a code point.
        int count = 0;
        for (int i = 0; i < bytes.length; count++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                into[count] = b;
                i++;
            } else if (b < 0xE0) {
                into[count] = (b & 0x1F) << 6 | bytes[i + 1] & 0x3F;
                i += 2;
            } else if (b < 0xF0) {
                into[count] = (b & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 | bytes[i + 2] & 0x3F;
                i += 3;
            } else {
                into[count] = (b & 0x07) << 18 | (bytes[i + 1] & 0x3F) << 12 | (bytes[i + 2] & 0x3F) << 6
                        | bytes[i + 3] & 0x3F;
                i += 4;
            }
        }
        return count;
    }

    /** The code points in an array of their own. */
    int[] decode(int length) {
        int[] text = new int[length];
        decodeInto(text);
        return text;
    }
}
