package org.paperless.storage.internal.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Passwords encrypted with AES-256-GCM under the {@link MailKeyFile}: stored as {@code "v1:"} + base64 of a
 * random 12-byte IV followed by the ciphertext and its 16-byte tag. The tag makes a wrong key or a
 * changed value fail instead of decrypting to garbage. An empty password is stored as null and needs no key.
 */
public final class PasswordCipher {

    private static final String VERSION = "v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MailKeyFile keyFile;

    public PasswordCipher(MailKeyFile keyFile) {
        this.keyFile = keyFile;
    }

    public MailKeyFile keyFile() {
        return keyFile;
    }

    /** The stored form, or null for an empty password; creates the key file when there is none. */
    public String encrypt(String password) {
        if (password == null || password.isEmpty()) {
            return null;
        }
        SecretKey key = keyFile.readOrCreate();
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt the password: " + e.getMessage(), e);
        }
    }

    /**
     * The clear text of a stored value ("" for null).
     *
     * @throws UnreadablePasswordException with the reason (no key file, another key, a damaged value)
     */
    public String decrypt(String stored) {
        if (stored == null || stored.isEmpty()) {
            return "";
        }
        if (!stored.startsWith(VERSION)) {
            throw new UnreadablePasswordException("it is stored in an unknown format");
        }
        SecretKey key = readKey();
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new UnreadablePasswordException("the stored value is damaged");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new UnreadablePasswordException("the stored value is damaged");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnreadablePasswordException("it was encrypted with another key than the one in " + keyFile.path()
                    + " (or changed since)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt the password: " + e.getMessage(), e);
        }
    }

    private SecretKey readKey() {
        try {
            return keyFile.read().orElseThrow(() -> new UnreadablePasswordException(
                    "the key file " + keyFile.path() + " is missing"));
        } catch (UnreadablePasswordException e) {
            throw e;
        } catch (RuntimeException e) { // damaged or unreadable: a reason as well, not a crash of every listing
            String why = e.getMessage();
            throw new UnreadablePasswordException(Character.toLowerCase(why.charAt(0)) + why.substring(1), true);
        }
    }

    /** Why a stored password cannot be decrypted; the message is a reason ("the key file ... is missing"). */
    public static final class UnreadablePasswordException extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final boolean keyFileBroken;

        UnreadablePasswordException(String reason) {
            this(reason, false);
        }

        UnreadablePasswordException(String reason, boolean keyFileBroken) {
            super(reason);
            this.keyFileBroken = keyFileBroken;
        }

        /** The key file is there but cannot be used: no password can be stored until it is restored or removed. */
        public boolean keyFileBroken() {
            return keyFileBroken;
        }
    }
}
