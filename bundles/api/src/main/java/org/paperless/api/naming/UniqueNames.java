package org.paperless.api.naming;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/** Collision handling as in paperless-ngx: "name.pdf", then "name_01.pdf", "name_02.pdf"... */
public final class UniqueNames {

    /** A bound so a predicate that always says "taken" fails loudly instead of looping forever. */
    public static final int MAX_COUNTER = 9999;

    private UniqueNames() {
    }

    /** "name" + ext if free, else name_01 + ext, name_02 ... where exists.test(candidate) says a name is taken. */
    public static String firstFree(String stem, String extension, Predicate<String> exists) {
        Objects.requireNonNull(exists, "exists");
        if (stem == null || stem.isEmpty()) {
            throw new IllegalArgumentException("file name stem is empty");
        }
        String ext = extension == null ? "" : extension;
        String candidate = stem + ext;
        for (int counter = 1; exists.test(candidate); counter++) {
            if (counter > MAX_COUNTER) {
                throw new IllegalStateException("no free file name for " + stem + ext + " after " + MAX_COUNTER + " tries");
            }
            candidate = stem + String.format(Locale.ROOT, "_%02d", counter) + ext;
        }
        return candidate;
    }
}
