package org.paperless.storage.internal.jpa;

/** Free text (file names, error messages) made fit for a VARCHAR column on Derby and PostgreSQL. */
final class StoredText {

    private static final String ELLIPSIS = "…";

    private StoredText() {
    }

    /**
     * At most {@code max} characters, an ellipsis marking a cut; never half a surrogate pair. NUL
     * characters become U+FFFD: PostgreSQL refuses them in text.
     */
    static String cut(String text, int max) {
        String clean = text.replace('\0', '\uFFFD');
        if (clean.length() <= max) {
            return clean;
        }
        int end = max - ELLIPSIS.length();
        if (Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--;
        }
        return clean.substring(0, end) + ELLIPSIS;
    }
}
