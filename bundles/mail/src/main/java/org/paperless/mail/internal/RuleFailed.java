package org.paperless.mail.internal;

/** A rule that cannot run as it stands (its folder is missing...): the account's other rules still run. */
final class RuleFailed extends Exception {
    private static final long serialVersionUID = 1L;

    RuleFailed(String message) {
        super(message);
    }
}
