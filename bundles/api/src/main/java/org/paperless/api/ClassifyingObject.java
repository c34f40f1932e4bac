package org.paperless.api;

/** What correspondents, tags, document types and storage paths have in common. */
public interface ClassifyingObject {

    int MAX_NAME_LENGTH = 128;

    /** Null before the object was stored. */
    Long id();

    String name();

    Matching matching();

    /** Checks a name the way every repository does before it stores an object. */
    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a name is required");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }
}
