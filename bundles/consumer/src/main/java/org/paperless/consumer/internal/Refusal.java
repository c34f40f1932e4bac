package org.paperless.consumer.internal;

/** Why a file is not consumed; the message is what the user reads in failed/NAME.reason.txt. */
final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
        super(message);
    }

    Refusal(String message, Throwable cause) {
        super(message, cause);
    }
}
