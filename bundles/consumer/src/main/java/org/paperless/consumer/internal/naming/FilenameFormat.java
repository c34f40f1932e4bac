package org.paperless.consumer.internal.naming;

import java.util.ArrayList;
import java.util.List;

/**
 * A paperless-ngx filename format such as {@code {correspondent}/{created_year}/{title}}, parsed once
 * and checked up front so that a bad setting fails at configuration time, not at the first document.
 * Immutable and thread-safe.
 */
public final class FilenameFormat {

    /** Room kept in the last segment for UniqueNames' "_NN" and the extension the caller appends. */
    static final int STEM_RESERVE_BYTES = 16;

    private static final String NONE = "none";

    private final List<List<Part>> segments;
    private final boolean removeNone;

    /** A piece of one path segment: literal text, or (placeholder == true) a placeholder name. */
    private record Part(String text, boolean placeholder) {
    }

    /** Parses and checks the template: unknown placeholders, absolute paths and ".." are refused (IllegalArgumentException saying which). */
    public FilenameFormat(String template, boolean removeNone) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("filename format is empty");
        }
        // "\" is a separator on Windows shares, so treat it as one rather than let it hide a "..".
        String normalized = template.strip().replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*")) {
            throw new IllegalArgumentException("filename format must be a relative path: " + template);
        }
        List<List<Part>> parsed = new ArrayList<>();
        for (String segment : normalized.split("/", -1)) {
            String s = segment.strip();
            if (s.equals("..")) {
                throw new IllegalArgumentException("filename format must not contain '..': " + template);
            }
            if (!s.isEmpty() && !s.equals(".")) { // "a//b" and "./a" just mean "a/b" and "a"
                parsed.add(parse(segment, template));
            }
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("filename format has no file name: " + template);
        }
        this.segments = List.copyOf(parsed);
        this.removeNone = removeNone;
    }

    private static List<Part> parse(String segment, String template) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < segment.length()) {
            int open = segment.indexOf('{', i);
            int close = segment.indexOf('}', i);
            if (close >= 0 && (open < 0 || close < open)) {
                throw new IllegalArgumentException("unmatched '}' in filename format: " + template);
            }
            if (open < 0) {
                parts.add(new Part(segment.substring(i), false));
                break;
            }
            if (open > i) {
                parts.add(new Part(segment.substring(i, open), false));
            }
            close = segment.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("unmatched '{' in filename format: " + template);
            }
            String name = segment.substring(open + 1, close).strip();
            if (!Placeholders.isKnown(name)) {
                throw new IllegalArgumentException("unknown placeholder {" + name + "} in filename format: "
                        + template + " (known: " + String.join(", ", Placeholders.names()) + ")");
            }
            parts.add(new Part(name, true));
            i = close + 1;
        }
        return List.copyOf(parts);
    }

    /** The relative path without extension, e.g. "ACME/2024/Invoice 12"; each path segment made safe for file systems. */
    public String render(NamingContext context) {
        List<String> out = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            boolean last = s == segments.size() - 1;
            int max = last ? Segments.MAX_SEGMENT_BYTES - STEM_RESERVE_BYTES : Segments.MAX_SEGMENT_BYTES;
            String segment = Segments.cleanSegment(renderSegment(segments.get(s), context), max);
            if (segment.isEmpty() && !removeNone) {
                segment = NONE; // e.g. a title of only dots: keep the folder level rather than shift the tree
            }
            if (!segment.isEmpty()) {
                out.add(segment);
            }
        }
        return check(String.join("/", out));
    }

    private String renderSegment(List<Part> parts, NamingContext context) {
        String[] texts = new String[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            texts[i] = p.placeholder() ? Segments.cleanValue(Placeholders.value(p.text(), context)) : p.text();
        }
        for (int i = 0; i < parts.size(); i++) {
            if (!parts.get(i).placeholder() || !texts[i].isEmpty()) {
                continue;
            }
            if (!removeNone) {
                texts[i] = NONE;
            } else {
                dropJoiner(parts, texts, i);
            }
        }
        return String.join("", texts);
    }

    /**
     * With removeNone, an empty placeholder also takes one neighbouring separator-only literal with it,
     * so "{created} - {correspondent} - {title}" becomes "2024-01-05 - Invoice", not "2024-01-05 -  - Invoice".
     * The literal before is preferred; the one after is used when the placeholder starts the segment.
     */
    private static void dropJoiner(List<Part> parts, String[] texts, int i) {
        if (i > 0 && isJoiner(parts.get(i - 1), texts[i - 1])) {
            texts[i - 1] = "";
        } else if (i + 1 < parts.size() && isJoiner(parts.get(i + 1), texts[i + 1])) {
            texts[i + 1] = "";
        }
    }

    private static boolean isJoiner(Part part, String text) {
        return !part.placeholder() && !text.isEmpty() && text.chars().allMatch(c -> " -_.,;+~".indexOf(c) >= 0);
    }

    /** Last line of defence: whatever the values were, the result stays inside the media folder. */
    private static String check(String path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("filename format rendered an empty file name");
        }
        if (path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")) {
            throw new IllegalArgumentException("filename format rendered an absolute path: " + path);
        }
        for (String segment : path.split("[/\\\\]")) {
            if (segment.equals("..") || segment.equals(".") || segment.isEmpty()) {
                throw new IllegalArgumentException("filename format rendered an unsafe path: " + path);
            }
        }
        return path;
    }

    @Override
    public String toString() {
        return "FilenameFormat" + segments + (removeNone ? " (remove none)" : "");
    }

    /** Whether empty placeholders are left out rather than written as "none". */
    public boolean removeNone() {
        return removeNone;
    }
}
