package org.paperless.backup.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How an export's mail account passwords are read back. Ours made with --passphrase hold them sealed by
 * {@link Secrets} (the passphrase already checked against metadata.json), and without one hold none.
 * paperless-ngx's made with --passphrase hold them as Fernet tokens ({@link NgxSecrets}, derived only when a
 * password needs it), and without one in clear text.
 */
final class Passwords {

    private final Secrets ours;
    private final JsonNode ngxSettings;
    private final String passphrase;
    private NgxSecrets ngx;

    private Passwords(Secrets ours, JsonNode ngxSettings, String passphrase) {
        this.ours = ours;
        this.ngxSettings = ngxSettings;
        this.passphrase = passphrase;
    }

    /** @param ours the opened secrets of an export of ours made with --passphrase, else null */
    static Passwords of(Origin origin, Secrets ours, String passphrase) {
        return new Passwords(ours, origin.ours() ? null : origin.ngxCrypto(), passphrase);
    }

    /** The clear text of a password field; empty when the export holds none. */
    String reveal(JsonNode field, String account) {
        String stored = field.isTextual() ? field.asText() : "";
        if (stored.isEmpty()) {
            return "";
        }
        if (ours != null) {
            try {
                return ours.decrypt(stored);
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException("Nothing was imported: the password of mail account '" + account
                        + "' in the manifest does not decrypt with the export's passphrase: the manifest is damaged");
            }
        }
        if (ngxSettings == null || !ngxSettings.isObject()) {
            return stored;
        }
        if (ngx == null) {
            ngx = NgxSecrets.open(ngxSettings, passphrase);
        }
        try {
            return ngx.decrypt(stored);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("The passphrase does not open this export: the password of mail account '"
                    + account + "' does not decrypt with it (or the manifest is damaged)");
        }
    }
}
