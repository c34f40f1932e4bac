package org.paperless.parser.text.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decides from the first bytes of a text file how it was written. Order: a byte order mark, then strict
 * UTF-8 (almost never valid by accident), then juniversalchardet's guess (checked for plausibility),
 * then windows-1252, the usual charset of old Western files. Only a sample is looked at: the detector
 * settles long before a megabyte, and a file may be far larger than what is kept of it.
 */
final class CharsetDetection {

    static final Charset FALLBACK = Charset.forName("windows-1252");
    /** The bytes looked at to decide. */
    static final int SAMPLE_BYTES = 1 << 20;

    private CharsetDetection() {
    }

    /** The byte order mark the sample starts with, or null. */
    static Bom bom(byte[] sample) {
        return Arrays.stream(Bom.values()).filter(bom -> bom.matches(sample)).findFirst().orElse(null);
    }

    /**
     * Whether the sample is valid UTF-8. When it is only the start of the file ({@code complete} false), a
     * character cut at its end is not an error.
     */
    static boolean isUtf8(byte[] sample, boolean complete) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            var result = decoder.decode(in, out, complete);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return !complete || !decoder.flush(out).isError();
            }
            out.clear();
        }
    }

    /** The best guess for a sample that is not UTF-8. */
    static Charset guess(byte[] sample) {
        Charset guess = detect(sample);
        if (guess.equals(FALLBACK) || guess.newEncoder().maxBytesPerChar() > 1) {
            return guess;
        }
        // On short Western text the detector likes to guess KOI8-R or windows-1251 ("Kцln"). Words that
        // mix Latin with another script betray a wrong single-byte guess; then 1252 reads it better.
        return mixedScriptWords(lenient(guess, sample)) > mixedScriptWords(lenient(FALLBACK, sample)) ? FALLBACK : guess;
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

    private static Charset detect(byte[] sample) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(sample, 0, sample.length);
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        if ("ISO-8859-1".equalsIgnoreCase(name) || "US-ASCII".equalsIgnoreCase(name)) {
            // As browsers do: bytes 0x80-0x9F are C1 controls in Latin-1 but quotes, dashes and € in 1252. An
            // ASCII sample says nothing about the 8-bit bytes further on, and 1252 reads ASCII the same.
            return FALLBACK;
        }
        try {
            // The detector knows a few names the JDK does not (e.g. X-ISO-10646-UCS-4-3412).
            return name != null && Charset.isSupported(name) ? Charset.forName(name) : FALLBACK;
        } catch (IllegalArgumentException e) {
            return FALLBACK;
        }
    }

    private static String lenient(Charset charset, byte[] bytes) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a REPLACE decoder cannot fail", e);
        }
    }

    /** Byte order marks; UTF-32 before UTF-16 because FF FE 00 00 also starts with FF FE. */
    enum Bom {
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
