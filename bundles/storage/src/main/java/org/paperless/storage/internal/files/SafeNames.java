package org.paperless.storage.internal.files;

import java.util.regex.Pattern;

import org.paperless.api.storage.MediaArea;

/** Refuses file names that could leave a media area. */
final class SafeNames {

    private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]");

    private SafeNames() {
    }

    /** Returns the name when it is relative and has no ".." segment; else IllegalArgumentException. */
    static String check(String name, MediaArea area) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a file name inside " + area.folder() + "/ is required");
        }
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:[/\\\\].*")) {
            throw new IllegalArgumentException("'" + name + "' is absolute; give a name relative to "
                    + area.folder() + "/");
        }
        for (String segment : SEPARATORS.split(name)) {
            if (segment.equals("..")) {
                throw new IllegalArgumentException("'" + name + "' contains '..'; names must stay inside "
                        + area.folder() + "/");
            }
        }
        return name;
    }
}
