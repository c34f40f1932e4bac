package org.paperless.api.index;

/** A query that cannot be understood, or an index that cannot be used; the message says what to do. */
public class SearchException extends Exception {

    private static final long serialVersionUID = 1L;

    public SearchException(String message) {
        super(message);
    }

    public SearchException(String message, Throwable cause) {
        super(message, cause);
    }
}
