package org.paperless.mail.internal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * A file name from a mail made safe to write: NFC (as paperless-ngx), no folder part, no control or
 * reserved characters, not hidden, at most {@value #MAX_BYTES} bytes in UTF-8 with its extension kept.
 */
final class FileNames {

    static final int MAX_BYTES = 200;
    private static final String RESERVED = "/\\:*?\"<>|";

    private FileNames() {
    }

    /** @return the safe name, or {@code fallback} when nothing usable is left */
    static String safe(String name, String fallback) {
        if (name == null) {
            return fallback;
        }
        String text = Normalizer.normalize(name, Normalizer.Form.NFC);
        int slash = Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\'));
        text = text.substring(slash + 1);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || RESERVED.indexOf(cp) >= 0 || Character.getType(cp) == Character.FORMAT) {
                out.append('_');
            } else {
                out.appendCodePoint(cp);
            }
        });
        String cleaned = out.toString().strip();
        while (cleaned.startsWith(".")) {
            cleaned = cleaned.substring(1);
        }
        cleaned = cleaned.strip();
        if (cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '_')) {
            return fallback;
        }
        return shortened(cleaned);
    }

    private static String shortened(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String stem = ext.isEmpty() ? name : name.substring(0, dot);
        int budget = MAX_BYTES - ext.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < stem.length();) {
            int cp = stem.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > budget) {
                break;
            }
            out.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return out.toString().strip() + ext;
    }

    /** A name made from text such as a subject: its slashes are no folders. */
    static String fromText(String text, String extension, String fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return safe(text.replace('/', '_').replace('\\', '_') + extension, fallback);
    }

    /** The stem: the name without its last extension. */
    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
