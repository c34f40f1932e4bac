package org.paperless.parser.text.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decides how a text file's bytes were written and decodes them. Order: a byte order mark, then strict
 * UTF-8 (almost never valid by accident), then juniversalchardet's guess (checked for plausibility),
 * then windows-1252, the usual charset of old Western files. Decoding replaces bad bytes, so no input stops it.
 */
final class CharsetDetection {

    static final Charset FALLBACK = Charset.forName("windows-1252");
    /** The detector settles long before this; feeding it a whole 50 MB file would only cost time. */
    private static final int DETECTOR_SAMPLE = 1 << 20;

    private CharsetDetection() {
    }

    /** The text of {@code bytes} and the charset it was read with. */
    record Decoded(String text, Charset charset) {
    }

    static Decoded decode(byte[] bytes) {
        Bom bom = Bom.of(bytes);
        if (bom != null) {
            return new Decoded(lenient(bom.charset, bytes, bom.length), bom.charset);
        }
        String utf8 = strictUtf8(bytes);
        if (utf8 != null) {
            return new Decoded(utf8, StandardCharsets.UTF_8);
        }
        Charset guess = detect(bytes);
        String text = lenient(guess, bytes, 0);
        if (guess.equals(FALLBACK) || guess.newEncoder().maxBytesPerChar() > 1) {
            return new Decoded(text, guess);
        }
        // On short Western text the detector likes to guess KOI8-R or windows-1251 ("Kцln"). Words that
        // mix Latin with another script betray a wrong single-byte guess; then 1252 reads it better.
        String western = lenient(FALLBACK, bytes, 0);
        return mixedScriptWords(text) > mixedScriptWords(western)
                ? new Decoded(western, FALLBACK) : new Decoded(text, guess);
    }

    /** Words holding Latin letters and letters of another script at once. */
    static int mixedScriptWords(String text) {
        int count = 0;
        boolean latin = false;
        boolean other = false;
        for (int i = 0; i <= text.length(); i++) {
            int c = i < text.length() ? text.charAt(i) : ' ';
            if (!Character.isLetter(c)) {
                count += latin && other ? 1 : 0;
                latin = false;
                other = false;
            } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                latin = true;
            } else {
                other = true;
            }
        }
        return count;
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Charset detect(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, Math.min(bytes.length, DETECTOR_SAMPLE));
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        if ("ISO-8859-1".equalsIgnoreCase(name)) {
            // As browsers do: bytes 0x80-0x9F are C1 controls in Latin-1 but quotes, dashes and € in 1252.
            return FALLBACK;
        }
        try {
            // The detector knows a few names the JDK does not (e.g. X-ISO-10646-UCS-4-3412).
            return name != null && Charset.isSupported(name) ? Charset.forName(name) : FALLBACK;
        } catch (IllegalArgumentException e) {
            return FALLBACK;
        }
    }

    private static String lenient(Charset charset, byte[] bytes, int offset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a REPLACE decoder cannot fail", e);
        }
    }

    /** Byte order marks; UTF-32 before UTF-16 because FF FE 00 00 also starts with FF FE. */
    private enum Bom {
        UTF_32BE("UTF-32BE", 0x00, 0x00, 0xFE, 0xFF),
        UTF_32LE("UTF-32LE", 0xFF, 0xFE, 0x00, 0x00),
        UTF_8("UTF-8", 0xEF, 0xBB, 0xBF),
        UTF_16BE("UTF-16BE", 0xFE, 0xFF),
        UTF_16LE("UTF-16LE", 0xFF, 0xFE);

        final Charset charset;
        final int length;
        private final int[] marks;

        Bom(String charset, int... marks) {
            this.charset = Charset.forName(charset);
            this.length = marks.length;
            this.marks = marks;
        }

        static Bom of(byte[] bytes) {
            return Arrays.stream(values()).filter(bom -> bom.matches(bytes)).findFirst().orElse(null);
        }

        private boolean matches(byte[] bytes) {
            if (bytes.length < length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if ((bytes[i] & 0xFF) != marks[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
