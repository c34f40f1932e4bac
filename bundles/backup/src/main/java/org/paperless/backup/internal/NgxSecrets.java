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

    /** paperless-ngx's PBKDF2 iterations (its CryptMixin). */
    static final int ITERATIONS = 1_000_000;

    private final Fernet fernet;
    private com.fasterxml.jackson.databind.node.ObjectNode settings;

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
        return new NgxSecrets(new Fernet(key(passphrase, salt, iterations.asInt())));
    }

    private static byte[] key(String passphrase, byte[] salt, int iterations) {
        try {
            // The passphrase as UTF-8, as paperless-ngx encodes it (so does Java's PBKDF2 with a char[]).
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(passphrase.toCharArray(), salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * New settings for an export of ours that paperless-ngx imports: a random salt, paperless-ngx's iteration count.
     * {@link #settings()} goes into metadata.json.
     */
    static NgxSecrets create(String passphrase) {
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        NgxSecrets secrets = new NgxSecrets(new Fernet(key(passphrase, salt, ITERATIONS)));
        secrets.settings = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("__key_algo__", "pbkdf2_sha256").put("__key_iters__", ITERATIONS).put("__key_size__", 32)
                .put("__salt_hex__", HexFormat.of().formatHex(salt));
        return secrets;
    }

    /** What metadata.json's {@code __crypto__} says of these secrets; only for those {@link #create}d. */
    com.fasterxml.jackson.databind.node.ObjectNode settings() {
        return settings.deepCopy();
    }

    /** A field as paperless-ngx writes it: the hex of the Fernet token's text. */
    String encrypt(String clear) {
        String token = fernet.encrypt(clear.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
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
