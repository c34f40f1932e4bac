package org.paperless.parser.mail.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jsoup.Jsoup;

import jakarta.mail.internet.MimeUtility;

/** Turns a text part's bytes into a string, whatever (or however wrongly) its charset is declared. */
final class BodyText {

    private static final Charset WINDOWS_1252 = charset("windows-1252");

    private BodyText() {
    }

    /**
     * The declared charset if it decodes the bytes cleanly, else UTF-8, else windows-1252 (which takes any
     * byte); undecodable bytes never fail the parse, at worst they become U+FFFD.
     */
    static String decode(byte[] bytes, String declared) {
        Set<Charset> candidates = new LinkedHashSet<>();
        Charset named = declared == null ? null : charset(MimeUtility.javaCharset(declared.strip()));
        if (named != null && !named.equals(StandardCharsets.US_ASCII)) { // us-ascii is often a lie: 8-bit text follows
            candidates.add(named);
        }
        candidates.add(StandardCharsets.UTF_8);
        if (WINDOWS_1252 != null) {
            candidates.add(WINDOWS_1252);
        }
        for (Charset candidate : candidates) {
            try {
                return candidate.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                // try the next one
            }
        }
        return new String(bytes, named != null ? named : StandardCharsets.UTF_8);
    }

    /**
     * The text without C0 control characters other than tab, line and page breaks: in a mail they are
     * binary data, and NUL is refused in text by PostgreSQL.
     */
    static String withoutControls(String text) {
        int first = 0;
        while (first < text.length() && !isControl(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r';
    }

    /**
     * Bytes cut at a limit without the bytes of a character the cut split: a UTF-8 sequence left
     * incomplete would make the whole part fail as UTF-8 and be read as windows-1252.
     */
    static byte[] withoutCutCharacter(byte[] bytes) {
        int lead = bytes.length - 1;
        int continuations = 0;
        while (lead >= 0 && continuations < 3 && (bytes[lead] & 0xC0) == 0x80) {
            lead--;
            continuations++;
        }
        if (lead < 0 || (bytes[lead] & 0xC0) != 0xC0) {
            return bytes; // ends in ASCII (or is not UTF-8): nothing was split
        }
        int b = bytes[lead] & 0xFF;
        int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        return continuations + 1 < length ? Arrays.copyOf(bytes, lead) : bytes;
    }

    /** HTML to text; without a declared charset jsoup looks for a BOM or a meta charset (default UTF-8). */
    static String html(byte[] bytes, String declared) throws IOException {
        Charset named = declared == null ? null : charset(MimeUtility.javaCharset(declared.strip()));
        if (named == null) {
            return HtmlText.of(Jsoup.parse(new ByteArrayInputStream(bytes), null, ""));
        }
        return HtmlText.of(Jsoup.parse(decode(bytes, declared)));
    }

    /** The charset of that name, or null when Java does not know it or the name is malformed. */
    static Charset charset(String name) {
        try {
            return name == null || name.isBlank() ? null : Charset.forName(name);
        } catch (IllegalArgumentException e) { // IllegalCharsetName, UnsupportedCharset
            return null;
        }
    }
}
