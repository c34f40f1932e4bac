package org.paperless.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/**
 * Tokens made by Python's cryptography 48.0.0, the library paperless-ngx's exporter uses:
 * <pre>
 * from cryptography.fernet import Fernet
 * key = Fernet.generate_key()
 * Fernet(key).encrypt("Grüße aus Python".encode("utf-8"))
 * # and paperless-ngx's CryptMixin with a passphrase:
 * kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=bytes.fromhex(SALT_HEX), iterations=100_000)
 * Fernet(base64.urlsafe_b64encode(kdf.derive("ngx pässphrase".encode("utf-8")))).encrypt(b"...").hex()
 * </pre>
 */
class FernetTest {

    static final String KEY = "s62WgC8UJYrWfTqXgTfe0gXKcL7rFpVGFdaDN5SLTWU=";
    static final String TOKEN = "gAAAAABrFNSeToSRgxWMnhc63XlsOoAfTKc27Cjh01wtWv0dNFXkgkJPOvKlBJB_fAPQzFVqRhKp3iM0ENbQ2AmHsOKW"
            + "Q5-U45w15b6PSPIH8OCkmId4EW8=";
    static final String NGX_PASSPHRASE = "ngx pässphrase";
    static final String NGX_SALT_HEX = "6e6778206578706f72742073616c7421";
    static final int NGX_ITERATIONS = 100_000;
    /** "imap-Pässwort 1", as paperless-ngx writes it into a mail account's password field. */
    static final String NGX_PASSWORD = "6741414141414272464e53656a36423870356e5537377855717655667a6b5f6d2d3274624e2d4c6b"
            + "473037356e3150306b74566a50467178473432497a5a69484c62536d6d39636261756c37795270763967517176355841634873446b"
            + "4d71747837726e6433506e715746496a764c7a5632343652736b3d";

    private static Fernet fernet(String key) {
        return new Fernet(Base64.getUrlDecoder().decode(key));
    }

    @Test
    void aTokenOfPythonsCryptographyDecrypts() {
        assertEquals("Grüße aus Python", fernet(KEY).decryptText(TOKEN));
    }

    @Test
    void aChangedTokenOrAnotherKeyIsRefusedBeforeDecrypting() {
        byte[] bytes = Base64.getUrlDecoder().decode(TOKEN);
        for (int at : new int[] {0, 5, 20, 40, bytes.length - 1}) { // version, time, IV, ciphertext, HMAC
            byte[] changed = bytes.clone();
            changed[at] ^= 0x01;
            String token = Base64.getUrlEncoder().encodeToString(changed);
            assertThrows(IllegalStateException.class, () -> fernet(KEY).decrypt(token), "byte " + at);
        }
        byte[] signing = Base64.getUrlDecoder().decode(KEY);
        signing[0] ^= 0x01;
        assertEquals("the token's HMAC does not match this key",
                assertThrows(IllegalStateException.class, () -> new Fernet(signing).decrypt(TOKEN)).getMessage());
        assertThrows(IllegalStateException.class, () -> fernet(KEY).decrypt(TOKEN.substring(0, 60)), "cut short");
        assertThrows(IllegalStateException.class, () -> fernet(KEY).decrypt("not base64 at all!"));
    }

    @Test
    void paperlessNgxsPassphraseOpensItsPasswordFields() {
        NgxSecrets secrets = NgxSecrets.open(settings(NGX_ITERATIONS, NGX_SALT_HEX), NGX_PASSPHRASE);
        assertEquals("imap-Pässwort 1", secrets.decrypt(NGX_PASSWORD));
        NgxSecrets wrong = NgxSecrets.open(settings(NGX_ITERATIONS, NGX_SALT_HEX), "ngx passphrase");
        assertThrows(IllegalStateException.class, () -> wrong.decrypt(NGX_PASSWORD), "the passphrase as ASCII is another one");
    }

    @Test
    void metadataOutsideWhatPaperlessNgxWritesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NgxSecrets.open(settings(1000, NGX_SALT_HEX), NGX_PASSPHRASE));
        assertThrows(IllegalArgumentException.class, () -> NgxSecrets.open(settings(NGX_ITERATIONS, "zz"), NGX_PASSPHRASE));
        assertThrows(IllegalArgumentException.class, () -> NgxSecrets.open(settings(NGX_ITERATIONS, NGX_SALT_HEX), null));
    }

    static JsonNode settings(int iterations, String saltHex) {
        var node = Json.mapper().createObjectNode();
        node.put("__key_algo__", "pbkdf2_sha256");
        node.put("__key_iters__", iterations);
        node.put("__key_size__", 32);
        node.put("__salt_hex__", saltHex);
        return node;
    }
}
