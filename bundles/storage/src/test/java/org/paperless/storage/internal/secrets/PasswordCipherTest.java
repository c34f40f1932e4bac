package org.paperless.storage.internal.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.storage.internal.secrets.PasswordCipher.UnreadablePasswordException;

/** The cipher and its key file on the real file system. */
class PasswordCipherTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyPasswordNeedsNoKey() {
        PasswordCipher cipher = new PasswordCipher(new MailKeyFile(dir.resolve("secrets/mail.key")));
        assertNull(cipher.encrypt(""));
        assertEquals("", cipher.decrypt(null));
        assertFalse(Files.exists(dir.resolve("secrets")));
    }

    @Test
    void aChangedValueOrUnknownFormatIsRefusedNotDecryptedToGarbage() {
        PasswordCipher cipher = new PasswordCipher(new MailKeyFile(dir.resolve("secrets/mail.key")));
        String stored = cipher.encrypt("hunter2");
        assertEquals("hunter2", cipher.decrypt(stored));

        byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
        bytes[bytes.length - 20] ^= 1;
        String changed = "v1:" + Base64.getEncoder().encodeToString(bytes);
        UnreadablePasswordException e = assertThrows(UnreadablePasswordException.class, () -> cipher.decrypt(changed));
        assertTrue(e.getMessage().contains("or changed since"), e.getMessage());
        assertFalse(e.keyFileBroken());
        assertEquals("it is stored in an unknown format",
                assertThrows(UnreadablePasswordException.class, () -> cipher.decrypt("hunter2")).getMessage());
        assertEquals("the stored value is damaged",
                assertThrows(UnreadablePasswordException.class, () -> cipher.decrypt("v1:AAAA")).getMessage());
    }

    @Test
    void aKeyOfTheWrongSizeIsDamaged() throws Exception {
        Path file = dir.resolve("mail.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[16]) + "\n");
        MailKeyFile key = new MailKeyFile(file);
        IllegalStateException e = assertThrows(IllegalStateException.class, key::readOrCreate);
        assertEquals("The mail key file " + file.toAbsolutePath() + " is damaged: it holds 128 bits, not 256",
                e.getMessage());
        assertEquals(Base64.getEncoder().encodeToString(new byte[16]) + "\n", Files.readString(file), "left alone");
    }
}
