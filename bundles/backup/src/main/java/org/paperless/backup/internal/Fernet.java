package org.paperless.backup.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fernet tokens (github.com/fernet/spec), which paperless-ngx's exporter writes with
 * Python's {@code cryptography}: version byte 0x80, 8-byte timestamp, 16-byte IV, AES-128-CBC ciphertext
 * with PKCS#7 padding, then HMAC-SHA256 over all of that, the whole in URL-safe Base64. The key is 32
 * bytes: the first half signs, the second encrypts. The HMAC is checked before anything is decrypted.
 * Token ages are not checked: an export is read whenever it is restored.
 */
final class Fernet {

    private static final byte VERSION = (byte) 0x80;
    private static final int HEADER = 1 + 8 + 16;
    private static final int MAC = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec signing;
    private final SecretKeySpec encryption;

    Fernet(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("A Fernet key is 32 bytes, not " + key.length);
        }
        this.signing = new SecretKeySpec(Arrays.copyOfRange(key, 0, 16), "HmacSHA256");
        this.encryption = new SecretKeySpec(Arrays.copyOfRange(key, 16, 32), "AES");
    }

    /** @throws IllegalStateException when the token was not made with this key, or was changed since */
    byte[] decrypt(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("not a Fernet token (Base64)", e);
        }
        // At least one cipher block; a whole number of blocks.
        if (bytes.length < HEADER + 16 + MAC || (bytes.length - HEADER - MAC) % 16 != 0 || bytes[0] != VERSION) {
            throw new IllegalStateException("not a Fernet token");
        }
        int signed = bytes.length - MAC;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(signing);
            mac.update(bytes, 0, signed);
            if (!MessageDigest.isEqual(mac.doFinal(), Arrays.copyOfRange(bytes, signed, bytes.length))) {
                throw new IllegalStateException("the token's HMAC does not match this key");
            }
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, encryption, new IvParameterSpec(bytes, 9, 16));
            return cipher.doFinal(bytes, HEADER, signed - HEADER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the token does not decrypt", e);
        }
    }

    /** A new token of the bytes: the time now, a random IV. */
    String encrypt(byte[] plain) {
        byte[] iv = new byte[16];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, encryption, new IvParameterSpec(iv));
            byte[] encrypted = cipher.doFinal(plain);
            ByteBuffer token = ByteBuffer.allocate(HEADER + encrypted.length + MAC);
            token.put(VERSION).putLong(java.time.Instant.now().getEpochSecond()).put(iv).put(encrypted);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(signing);
            mac.update(token.array(), 0, token.position());
            token.put(mac.doFinal());
            return Base64.getUrlEncoder().encodeToString(token.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES and HMAC-SHA256 are part of every Java runtime", e);
        }
    }

    String decryptText(String token) {
        return new String(decrypt(token), StandardCharsets.UTF_8);
    }
}
