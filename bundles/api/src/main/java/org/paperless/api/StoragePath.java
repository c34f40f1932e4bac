package org.paperless.api;

/** Where a document's files are filed: {@code path} is a filename format template. */
public record StoragePath(Long id, String name, String path, Matching matching) implements ClassifyingObject {

    public static final int MAX_PATH_LENGTH = 512;

    public StoragePath {
        name = ClassifyingObject.checkName(name);
        matching = matching == null ? Matching.DEFAULT : matching;
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a storage path needs a path template, e.g. {correspondent}/{title}");
        }
        if (path.length() > MAX_PATH_LENGTH) {
            throw new IllegalArgumentException("path is longer than " + MAX_PATH_LENGTH + " characters");
        }
    }

    public StoragePath withId(Long newId) {
        return new StoragePath(newId, name, path, matching);
    }
}
