package org.paperless.mail.internal;

/**
 * The consumer takes no file now (an import holds it, it restarts): the fetch of this account ends, and the
 * mail it was on stays PENDING, to be finished next time.
 */
final class ConsumptionHeld extends Exception {
    private static final long serialVersionUID = 1L;

    ConsumptionHeld(String message) {
        super(message);
    }
}
