package org.paperless.plugins.parser.office;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads the prolog of an XML part (what comes before its first element) and finds a document type declaration
 * with an internal subset. Office formats never need one, and it is where entities are declared: external ones
 * read local files into the text (XXE), nested ones expand without end ("billion laughs"). A DOCTYPE that only
 * names a DTD (LibreOffice's Basic modules, older manifests, SVG images) declares nothing and is let through.
 */
final class XmlProlog {

    /** Bytes of a part that are looked at; a prolog longer than that is refused rather than read further. */
    static final int WINDOW = 64 * 1024;

    enum Verdict { NOT_XML, PLAIN, INTERNAL_SUBSET, PROLOG_TOO_LONG }

    private XmlProlog() {
    }

    /** @param head the first bytes of a part, at most {@link #WINDOW} of them */
    static Verdict judge(byte[] head, int length) {
        String text = decode(head, length);
        int at = 0;
        int end = text.length();
        while (true) {
            while (at < end && isXmlSpace(text.charAt(at))) {
                at++;
            }
            if (at >= end) {
                return length >= WINDOW ? Verdict.PROLOG_TOO_LONG : Verdict.PLAIN;
            }
            if (text.charAt(at) != '<') {
                return at == 0 ? Verdict.NOT_XML : Verdict.PLAIN;
            }
            if (text.startsWith("<?", at)) {
                at = skipPast(text, at, "?>");
            } else if (text.startsWith("<!--", at)) {
                at = skipPast(text, at, "-->");
            } else if (text.startsWith("<!DOCTYPE", at)) {
                return doctype(text, at);
            } else {
                return Verdict.PLAIN; // the first element: the prolog is over
            }
            if (at < 0) {
                return length >= WINDOW ? Verdict.PROLOG_TOO_LONG : Verdict.PLAIN;
            }
        }
    }

    /** Up to the declaration's end: a '[' outside quotes opens an internal subset. */
    private static Verdict doctype(String text, int at) {
        char quote = 0;
        for (int i = at + "<!DOCTYPE".length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                return Verdict.INTERNAL_SUBSET;
            } else if (c == '>') {
                return Verdict.PLAIN;
            }
        }
        return Verdict.PROLOG_TOO_LONG;
    }

    private static int skipPast(String text, int from, String end) {
        int found = text.indexOf(end, from + 2);
        return found < 0 ? -1 : found + end.length();
    }

    private static boolean isXmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF';
    }

    /** The encodings an XML parser recognises from the first bytes (XML 1.0, appendix F). */
    private static String decode(byte[] b, int n) {
        Charset charset = StandardCharsets.ISO_8859_1; // UTF-8 and the other ASCII-compatible ones: markup reads the same
        if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] == 0 || b[2] == (byte) 0xFE) && b[3] != 0) {
            charset = Charset.forName("UTF-32BE");
        } else if (n >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
            charset = Charset.forName("UTF-32LE");
        } else if (n >= 4 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE && b[2] == 0 && b[3] == 0) {
            charset = Charset.forName("UTF-32LE");
        } else if (n >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == 0 && b[1] != 0))) {
            charset = StandardCharsets.UTF_16BE;
        } else if (n >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] != 0 && b[1] == 0))) {
            charset = StandardCharsets.UTF_16LE;
        } else if (n >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            return new String(b, 3, n - 3, StandardCharsets.ISO_8859_1);
        }
        return new String(b, 0, n, charset);
    }
}
