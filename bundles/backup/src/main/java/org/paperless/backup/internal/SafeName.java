package org.paperless.backup.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Names of files inside an export: relative, inside it, never climbing out. */
final class SafeName {

    private SafeName() {
    }

    /**
     * @throws IllegalArgumentException naming the offending name when it is absolute, contains {@code ..}
     *         or is empty
     */
    static String check(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an empty file name");
        }
        String normalized = name.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*")) {
            throw new IllegalArgumentException("the file name '" + name + "' is absolute");
        }
        for (String part : normalized.split("/")) {
            if (part.equals("..")) {
                throw new IllegalArgumentException("the file name '" + name + "' contains '..'");
            }
        }
        try {
            Path.of(normalized);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("the file name '" + name + "' is not a valid path");
        }
        return normalized;
    }

    /** A title or correspondent made fit for a file name: no slashes, no control characters, not too long. */
    static String part(String text) {
        String cleaned = text == null ? "" : text.replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]", "_").strip();
        while (cleaned.startsWith(".")) {
            cleaned = cleaned.substring(1);
        }
        return cleaned.length() > 100 ? cleaned.substring(0, 100).strip() : cleaned;
    }
}
