package org.paperless.api;

/** Thrown when a change would break a rule: a duplicate name, a tag cycle, an object still in use. */
public class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
