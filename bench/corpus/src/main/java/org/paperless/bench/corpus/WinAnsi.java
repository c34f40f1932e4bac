package org.paperless.bench.corpus;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

/**
 * Keeps text within what the Standard 14 fonts can show (WinAnsiEncoding, i.e. windows-1252).
 * Applied once when the text is composed, so the PDF, the scan and the ground truth hold the same characters.
 */
final class WinAnsi {
    private static final boolean[] ENCODABLE = new boolean[Character.MAX_VALUE + 1];

    static {
        CharsetEncoder encoder = Charset.forName("windows-1252").newEncoder();
        for (char c = ' '; c < Character.MAX_VALUE; c++) {
            // 0x7F-0x9F are control characters; PDFBox has no glyph for them.
            ENCODABLE[c] = !(c >= 0x7F && c <= 0x9F) && encoder.canEncode(c);
        }
    }

    private WinAnsi() {}

    /** Maps typographic characters to their nearest encodable form and drops anything else. */
    static String clean(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (ENCODABLE[c]) {
                if (b != null) {
                    b.append(c);
                }
                continue;
            }
            if (b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            switch (c) {
                case '\u2212', '\u2010', '\u2011' -> b.append('-');
                case '\u00A0', '\u202F', '\t' -> b.append(' ');
                default -> { } // not representable: drop rather than print a box
            }
        }
        return b == null ? s : b.toString();
    }
}
