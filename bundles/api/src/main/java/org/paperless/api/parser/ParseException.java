package org.paperless.api.parser;

/** The file cannot be read; the message says why and, where it can, what to do. */
public class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public ParseException(String message) {
        super(message);
    }

    public ParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
