package org.paperless.backup.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * --passphrase: secrets in a manifest are encrypted with AES-256-GCM under a key derived from the
 * passphrase by PBKDF2-HMAC-SHA256; metadata.json keeps the salt, the iteration count and an encrypted
 * known text, so a wrong passphrase is told before anything is imported.
 */
final class Secrets {

    static final int ITERATIONS = 600_000;
    /**
     * What an export's metadata may ask for: below the floor the key would be cheap to guess (OWASP asks
     * 600,000 for PBKDF2-HMAC-SHA256, and older advice 100,000); above the ceiling one derivation takes
     * minutes, which only a crafted export would want.
     */
    static final int MIN_ITERATIONS = 100_000;
    static final int MAX_ITERATIONS = 10_000_000;
    private static final int MIN_SALT_BYTES = 16;
    private static final int MAX_SALT_BYTES = 64;
    private static final String CHECK = "paperless-on-karaf";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final byte[] salt;
    private final int iterations;

    private Secrets(String passphrase, byte[] salt, int iterations) {
        if (passphrase == null || passphrase.isEmpty()) {
            throw new IllegalArgumentException("An empty passphrase protects nothing; give one or leave the option out");
        }
        this.salt = salt.clone();
        this.iterations = iterations;
        try {
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(passphrase.toCharArray(), salt, iterations, 256)).getEncoded();
            this.key = new SecretKeySpec(derived, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        }
    }

    static Secrets create(String passphrase) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new Secrets(passphrase, salt, ITERATIONS);
    }

    /** The secrets of an export made with a passphrase; refuses a passphrase that does not fit it. */
    static Secrets open(JsonNode encryption, String passphrase) {
        if (passphrase == null) {
            throw new IllegalArgumentException("This export was made with --passphrase: give the same passphrase to import it");
        }
        Secrets secrets = new Secrets(passphrase, salt(encryption), iterations(encryption));
        try {
            if (!CHECK.equals(secrets.decrypt(encryption.path("check").asText()))) {
                throw new IllegalArgumentException("The passphrase does not open this export");
            }
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("The passphrase does not open this export");
        }
        return secrets;
    }

    private static int iterations(JsonNode encryption) {
        JsonNode given = encryption.path("iterations");
        if (!given.canConvertToInt() || given.asInt() < MIN_ITERATIONS || given.asInt() > MAX_ITERATIONS) {
            throw new IllegalArgumentException("The export's metadata.json asks for " + given.asText() + " PBKDF2 iterations; "
                    + "an export made with --passphrase uses between " + MIN_ITERATIONS + " and " + MAX_ITERATIONS
                    + ". The metadata is damaged or was not written by this application");
        }
        return given.asInt();
    }

    private static byte[] salt(JsonNode encryption) {
        byte[] salt;
        try {
            salt = Base64.getDecoder().decode(encryption.path("salt").asText());
        } catch (IllegalArgumentException e) {
            salt = new byte[0];
        }
        if (salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES) {
            throw new IllegalArgumentException("The export's metadata.json holds no usable salt for --passphrase ("
                    + MIN_SALT_BYTES + " to " + MAX_SALT_BYTES + " bytes in Base64): the metadata is damaged");
        }
        return salt;
    }

    ObjectNode describe(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        node.put("key_derivation", "PBKDF2WithHmacSHA256");
        node.put("iterations", iterations);
        node.put("salt", Base64.getEncoder().encodeToString(salt));
        node.put("cipher", "AES-256-GCM");
        node.put("check", encrypt(CHECK));
        return node;
    }

    String encrypt(String plain) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** @throws IllegalStateException when the text was not sealed with this key */
    String decrypt(String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("not sealed with this passphrase", e);
        }
    }
}
