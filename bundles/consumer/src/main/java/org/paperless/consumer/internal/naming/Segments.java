package org.paperless.consumer.internal.naming;

import java.nio.charset.StandardCharsets;

/** Makes values and path segments safe on common file systems (ext4, NTFS, APFS, SMB shares). */
final class Segments {

    /** Byte limit of one name on ext4, NTFS (in UTF-16 units, stricter in practice) and APFS. */
    static final int MAX_SEGMENT_BYTES = 255;

    /** Characters Windows/SMB refuse in names; "/" and "\" are handled separately. */
    private static final String INVALID = "<>:\"|?*";

    private Segments() {
    }

    /**
     * A placeholder value as text that cannot leave its segment: separators become "-" so that
     * a title like "../etc/passwd" stays one harmless name; null means the value is empty.
     */
    static String cleanValue(String value) {
        if (value == null) {
            return "";
        }
        return stripInvalid(value.replace('/', '-').replace('\\', '-')).strip();
    }

    /** One rendered segment: invalid characters removed, dots/spaces trimmed, at most maxBytes UTF-8. */
    static String cleanSegment(String segment, int maxBytes) {
        String s = trimEnds(stripInvalid(segment.replace('/', '-').replace('\\', '-')));
        s = capUtf8(s, maxBytes);
        // Capping may leave a trailing dot or space, which Windows silently drops.
        return trimEnds(s);
    }

    private static String stripInvalid(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\t' || cp == '\n' || cp == '\r') {
                out.append(' '); // keep words apart instead of gluing them together
            } else if (!Character.isISOControl(cp) && INVALID.indexOf(cp) < 0) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Leading dots hide files (and ".." climbs); trailing dots and spaces are dropped by Windows. */
    private static String trimEnds(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isTrimmed(s.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmed(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isTrimmed(char c) {
        return c == '.' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Cuts at a code point boundary so no character is split into an invalid byte sequence. */
    static String capUtf8(String s, int maxBytes) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > maxBytes) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += len;
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
