package org.paperless.backup.internal.gpg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files encrypted by the real gpg, opened as older paperless versions left them, and what is refused. */
class GpgMessageTest {

    private static final char[] PASSPHRASE = "correct horse".toCharArray();

    @TempDir
    Path dir;

    private Gpg gpg;
    private byte[] content;

    @BeforeEach
    void setUp() throws IOException {
        gpg = new Gpg(dir.resolve("gnupg"));
        content = new byte[3 * 1024 * 1024 + 17]; // several packets of partial length, incompressible
        new Random(7).nextBytes(content);
    }

    private byte[] decrypt(Path file, char[] passphrase, long max) throws IOException {
        try (InputStream in = GpgMessage.open(Files.newInputStream(file), passphrase, max)) {
            return in.readAllBytes();
        }
    }

    private GpgException.Reason failure(Path file, char[] passphrase) {
        return assertThrows(GpgException.class, () -> decrypt(file, passphrase, Long.MAX_VALUE)).reason();
    }

    @Test
    void theRightPassphraseGivesTheContentBackBinaryArmouredAndCompressed() throws IOException {
        Path binary = gpg.encrypt(content, dir.resolve("a.pdf.gpg"), "correct horse");
        assertArrayEquals(content, decrypt(binary, PASSPHRASE, content.length));

        Path armoured = gpg.encrypt(content, dir.resolve("b.gpg"), "correct horse", "--armor");
        assertArrayEquals(content, decrypt(armoured, PASSPHRASE, content.length));

        byte[] text = "Invoice 2017-04, paid in full. ".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        for (String algorithm : new String[] {"zip", "zlib", "bzip2", "none"}) {
            Path compressed = gpg.encrypt(text, dir.resolve(algorithm + ".gpg"), "correct horse", "--compress-algo", algorithm);
            assertArrayEquals(text, decrypt(compressed, PASSPHRASE, text.length), algorithm);
        }
        try (DecryptingStream in = GpgMessage.open(Files.newInputStream(binary), PASSPHRASE, Long.MAX_VALUE)) {
            assertTrue(in.integrityProtected());
        }
    }

    @Test
    void aWrongPassphraseIsToldAsSuch() throws IOException {
        Path file = gpg.encrypt(content, dir.resolve("a.gpg"), "correct horse");
        GpgException e = assertThrows(GpgException.class, () -> decrypt(file, "battery staple".toCharArray(), Long.MAX_VALUE));
        assertEquals(GpgException.Reason.WRONG_PASSPHRASE, e.reason());
        assertEquals("wrong passphrase", e.getMessage());
    }

    @Test
    void aFileThatIsNoEncryptedMessageIsRefused() throws IOException {
        Path pdf = Files.writeString(dir.resolve("plain.pdf"), "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n");
        assertEquals(GpgException.Reason.NOT_GPG, failure(pdf, PASSPHRASE));
        Path png = Files.write(dir.resolve("thumb.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        assertEquals(GpgException.Reason.NOT_GPG, failure(png, PASSPHRASE));
        Path empty = Files.write(dir.resolve("empty.gpg"), new byte[0]);
        assertEquals(GpgException.Reason.NOT_GPG, failure(empty, PASSPHRASE));
        assertEquals("not a GPG-encrypted file", assertThrows(GpgException.class,
                () -> decrypt(pdf, PASSPHRASE, 100)).getMessage());
    }

    @Test
    void aMessageEncryptedToAKeyIsRefused() throws IOException {
        Path file = gpg.encryptToKey(content, dir.resolve("key.gpg"));
        GpgException e = assertThrows(GpgException.class, () -> decrypt(file, PASSPHRASE, Long.MAX_VALUE));
        assertEquals(GpgException.Reason.NOT_SYMMETRIC, e.reason());
        assertTrue(e.getMessage().startsWith("not encrypted with a passphrase"), e.getMessage());
    }

    @Test
    void aMessageWithoutIntegrityCheckAsGpgWroteThemBefore2003IsRead() throws IOException {
        Path file = gpg.encrypt(content, dir.resolve("old.gpg"), "correct horse", "--rfc2440");
        try (DecryptingStream in = GpgMessage.open(Files.newInputStream(file), PASSPHRASE, Long.MAX_VALUE)) {
            assertFalse(in.integrityProtected());
            assertArrayEquals(content, in.readAllBytes());
        }
        assertEquals(GpgException.Reason.WRONG_PASSPHRASE, failure(file, "battery staple".toCharArray()));
    }

    @Test
    void aTruncatedOrAlteredFileIsDamagedNeverHalfDecrypted() throws IOException {
        Path file = gpg.encrypt(content, dir.resolve("a.gpg"), "correct horse");
        byte[] whole = Files.readAllBytes(file);
        for (int cut : new int[] {1, 21, 22, 23, 4096, whole.length / 2, whole.length - 30}) {
            Path truncated = Files.write(dir.resolve("cut.gpg"), Arrays.copyOf(whole, whole.length - cut));
            assertEquals(GpgException.Reason.DAMAGED, failure(truncated, PASSPHRASE), "cut " + cut);
        }
        Path header = Files.write(dir.resolve("head.gpg"), Arrays.copyOf(whole, 20));
        assertEquals(GpgException.Reason.DAMAGED, failure(header, PASSPHRASE));

        byte[] flipped = whole.clone();
        flipped[whole.length / 2] ^= 0x01;
        Path altered = Files.write(dir.resolve("flip.gpg"), flipped);
        assertEquals(GpgException.Reason.DAMAGED, failure(altered, PASSPHRASE));
    }

    @Test
    void contentBeyondTheBoundStopsTheRead() throws IOException {
        byte[] zeros = new byte[2 * 1024 * 1024]; // compresses to almost nothing: what a bomb looks like
        Path file = gpg.encrypt(zeros, dir.resolve("zeros.gpg"), "correct horse");
        assertTrue(Files.size(file) < 64 * 1024, "compressed by gpg");
        GpgException e = assertThrows(GpgException.class, () -> decrypt(file, PASSPHRASE, 1024 * 1024));
        assertEquals(GpgException.Reason.TOO_LARGE, e.reason());
        assertEquals(zeros.length, decrypt(file, PASSPHRASE, zeros.length).length);
    }

    @Test
    void onlyTheStartOfAnEncryptedMessageLooksEncrypted() throws IOException {
        Path file = gpg.encrypt(content, dir.resolve("a.gpg"), "correct horse");
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), GpgMessage.HEAD_BYTES);
        assertTrue(GpgMessage.looksEncrypted(head, head.length));
        Path armoured = gpg.encrypt(content, dir.resolve("b.asc"), "correct horse", "--armor");
        byte[] armourHead = Arrays.copyOf(Files.readAllBytes(armoured), GpgMessage.HEAD_BYTES);
        assertTrue(GpgMessage.looksEncrypted(armourHead, armourHead.length));

        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        byte[] pdf = "%PDF-1.4".getBytes(StandardCharsets.US_ASCII);
        for (byte[] other : new byte[][] {jpeg, png, pdf, new byte[0]}) {
            assertFalse(GpgMessage.looksEncrypted(other, other.length));
        }
    }
}
