package org.paperless.mail.internal;

/** A mail that cannot be consumed as it is (too big, malformed, a mail bomb); the message says why. */
final class MailRefused extends Exception {
    private static final long serialVersionUID = 1L;

    MailRefused(String message) {
        super(message);
    }

    MailRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
