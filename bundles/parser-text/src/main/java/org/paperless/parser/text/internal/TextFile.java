package org.paperless.parser.text.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the start of a text file, streaming: at most {@code maxChars} characters are decoded, however big
 * the file is, so a multi-gigabyte file costs no more memory than the text that is kept. Control
 * characters other than tab, line and page breaks (NUL above all, which PostgreSQL refuses in text) are
 * left out: in a text file they are binary data, not words.
 */
final class TextFile {

    /**
     * @param text the characters kept
     * @param charset what the file was read as
     * @param cut whether the file goes on beyond {@code maxChars} characters
     * @param controlChars the control characters left out
     */
    record Read(String text, Charset charset, boolean cut, long controlChars) {
    }

    private TextFile() {
    }

    static Read read(Path file, int maxChars) throws IOException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(CharsetDetection.SAMPLE_BYTES);
        }
        boolean complete = sample.length < CharsetDetection.SAMPLE_BYTES;
        CharsetDetection.Bom bom = CharsetDetection.bom(sample);
        if (bom != null) {
            return decode(file, bom.length, lenient(bom.charset), maxChars);
        }
        if (CharsetDetection.isUtf8(sample, complete)) {
            try {
                return decode(file, 0, strict(StandardCharsets.UTF_8), maxChars);
            } catch (CharacterCodingException e) {
                // valid UTF-8 at first, not further on: guess as for any other file
            }
        }
        return decode(file, 0, lenient(CharsetDetection.guess(sample)), maxChars);
    }

    private static Read decode(Path file, long skip, CharsetDecoder decoder, int maxChars) throws IOException {
        // The charsets read here give at most one character per byte: the builder is sized once.
        long expected = Math.max(0, Files.size(file) - skip);
        StringBuilder text = new StringBuilder((int) Math.min(maxChars, expected));
        char[] buffer = new char[8192];
        int decoded = 0;
        long controls = 0;
        boolean cut = false;
        try (Reader reader = new InputStreamReader(skipped(Files.newInputStream(file), skip), decoder)) {
            int n;
            while (decoded < maxChars && (n = reader.read(buffer, 0, Math.min(buffer.length, maxChars - decoded))) > 0) {
                decoded += n;
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (isControl(c)) {
                        controls++;
                    } else {
                        text.append(c);
                    }
                }
            }
            cut = decoded == maxChars && goesOn(reader);
        }
        if (cut && !text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
            text.setLength(text.length() - 1); // half a character pair
        }
        return new Read(text.toString(), decoder.charset(), cut, controls);
    }

    private static boolean goesOn(Reader reader) throws IOException {
        try {
            return reader.read() != -1;
        } catch (CharacterCodingException e) {
            return true; // a bad byte after the limit is still more file
        }
    }

    private static boolean isControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r';
    }

    private static InputStream skipped(InputStream in, long bytes) throws IOException {
        try {
            in.skipNBytes(bytes);
            return in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static CharsetDecoder lenient(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }
}
