package org.paperless.backup.internal.gpg;

import java.io.IOException;

/** Why a file could not be decrypted; the message is meant for the administrator. */
public final class GpgException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The kinds of failure a caller treats differently (a wrong passphrase stops a run before it changes anything). */
    public enum Reason {
        WRONG_PASSPHRASE("wrong passphrase"),
        NOT_GPG("not a GPG-encrypted file"),
        NOT_SYMMETRIC("not encrypted with a passphrase (gpg --symmetric)"),
        DAMAGED("the encrypted file is truncated or damaged"),
        TOO_LARGE("the decrypted content is larger than allowed");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final Reason reason;

    public GpgException(Reason reason, String detail) {
        super(detail == null || detail.isBlank() ? reason.text() : reason.text() + " (" + detail + ")");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
