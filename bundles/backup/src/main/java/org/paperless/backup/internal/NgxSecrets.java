package org.paperless.backup.internal;

import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The secret fields of a paperless-ngx export made with {@code --passphrase} (its CryptMixin): the key is
 * PBKDF2-HMAC-SHA256 of the passphrase with the salt (hex) and iteration count of metadata.json's
 * {@code __crypto__}, used as a Fernet key; a field holds the hex of the Fernet token's text. paperless-ngx
 * keeps no known text to check a passphrase against, so a wrong one shows at the first field.
 */
final class NgxSecrets {

    /** metadata.json's key for the settings, and theirs within. */
    static final String SETTINGS = "__crypto__";
    private static final int MIN_SALT_BYTES = 8;
    private static final int MAX_SALT_BYTES = 64;

    private final Fernet fernet;

    private NgxSecrets(Fernet fernet) {
        this.fernet = fernet;
    }

    static NgxSecrets open(JsonNode settings, String passphrase) {
        if (passphrase == null || passphrase.isEmpty()) {
            throw new IllegalArgumentException("This paperless-ngx export was made with --passphrase and holds encrypted "
                    + "mail account passwords: give the same passphrase to import it");
        }
        String algorithm = settings.path("__key_algo__").asText();
        if (!"pbkdf2_sha256".equals(algorithm)) {
            throw new IllegalArgumentException("The export's metadata.json names the key derivation '" + algorithm
                    + "'; paperless-ngx uses pbkdf2_sha256, and no other is known here");
        }
        JsonNode iterations = settings.path("__key_iters__");
        if (!iterations.canConvertToInt() || iterations.asInt() < Secrets.MIN_ITERATIONS
                || iterations.asInt() > Secrets.MAX_ITERATIONS) {
            throw new IllegalArgumentException("The export's metadata.json asks for " + iterations.asText()
                    + " PBKDF2 iterations; between " + Secrets.MIN_ITERATIONS + " and " + Secrets.MAX_ITERATIONS
                    + " are accepted. The metadata is damaged");
        }
        if (settings.path("__key_size__").asInt(32) != 32) {
            throw new IllegalArgumentException("The export's metadata.json asks for a key of "
                    + settings.path("__key_size__").asText() + " bytes; a Fernet key has 32. The metadata is damaged");
        }
        byte[] salt;
        try {
            salt = HexFormat.of().parseHex(settings.path("__salt_hex__").asText());
        } catch (IllegalArgumentException e) {
            salt = new byte[0];
        }
        if (salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES) {
            throw new IllegalArgumentException("The export's metadata.json holds no usable salt (__salt_hex__, "
                    + MIN_SALT_BYTES + " to " + MAX_SALT_BYTES + " bytes in hex): the metadata is damaged");
        }
        try {
            // The passphrase as UTF-8, as paperless-ngx encodes it (so does Java's PBKDF2 with a char[]).
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(passphrase.toCharArray(), salt, iterations.asInt(), 256)).getEncoded();
            return new NgxSecrets(new Fernet(key));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * A field's clear text.
     *
     * @throws IllegalStateException when it does not decrypt with this passphrase
     */
    String decrypt(String stored) {
        byte[] token;
        try {
            token = HexFormat.of().parseHex(stored.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("not the hex of a Fernet token", e);
        }
        return fernet.decryptText(new String(token, java.nio.charset.StandardCharsets.US_ASCII));
    }
}
