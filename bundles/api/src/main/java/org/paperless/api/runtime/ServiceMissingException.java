package org.paperless.api.runtime;

/** A service some work needs is not there: never installed, uninstalled, or away for longer than the wait limit. */
public class ServiceMissingException extends Exception {

    private static final long serialVersionUID = 1L;

    public ServiceMissingException(String message) {
        super(message);
    }
}
