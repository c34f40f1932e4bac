package org.paperless.backup.internal.gpg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crash-safe file steps of paperless:decrypt on real files encrypted by the real gpg. */
class InPlaceDecryptionTest {

    private static final String PASSPHRASE = "correct horse";

    @TempDir
    Path dir;

    private Gpg gpg;
    private Path originals;
    private byte[] pdf;

    @BeforeEach
    void setUp() throws IOException {
        gpg = new Gpg(dir.resolve("gnupg"));
        originals = Files.createDirectories(dir.resolve("media/originals"));
        pdf = new byte[200_000];
        new Random(3).nextBytes(pdf);
        System.arraycopy("%PDF-1.4\n".getBytes(), 0, pdf, 0, 9);
    }

    private InPlaceDecryption decryption(String passphrase) {
        return new InPlaceDecryption(originals, passphrase.toCharArray(), 1024 * 1024);
    }

    private Path encrypted(String name, byte[] content) throws IOException {
        Path file = originals.resolve(name);
        Files.createDirectories(file.getParent());
        return gpg.encrypt(content, file, PASSPHRASE);
    }

    /** Every file of the folder with its content's SHA-256. */
    private Map<String, String> folder() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(originals)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(originals.relativize(p).toString(), sha256(Files.readAllBytes(p)));
            }
        }
        return files;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void decryptsBesideItselfUnderTheNameWithoutGpgAndKeepsTheGpgFileUntilAsked() throws IOException {
        encrypted("2017/bank/statement.pdf.gpg", pdf);
        InPlaceDecryption.Placed placed = decryption(PASSPHRASE).toFreeName("2017/bank/statement.pdf.gpg", n -> false, null);

        assertEquals("2017/bank/statement.pdf", placed.name());
        assertFalse(placed.existing());
        assertEquals(sha256(pdf), placed.digests().plainSha256());
        assertArrayEquals(pdf, Files.readAllBytes(originals.resolve("2017/bank/statement.pdf")));
        assertEquals(Set.of("2017/bank/statement.pdf", "2017/bank/statement.pdf.gpg"), folder().keySet(), "no temp file left");

        decryption(PASSPHRASE).deleteEncrypted("2017/bank/statement.pdf.gpg");
        assertEquals(Set.of("2017/bank/statement.pdf"), folder().keySet());
        assertThrows(IllegalArgumentException.class, () -> decryption(PASSPHRASE).deleteEncrypted("2017/bank/statement.pdf"));
        assertThrows(IllegalArgumentException.class, () -> decryption(PASSPHRASE).toFreeName("../x.pdf.gpg", n -> false, null));
    }

    @Test
    void neverTakesTheNameOfAnotherFileOrOfADocument() throws IOException {
        encrypted("0000004.pdf.gpg", pdf);
        Files.writeString(originals.resolve("0000004.pdf"), "someone else's file");
        Map<String, String> before = folder();

        InPlaceDecryption.Placed placed = decryption(PASSPHRASE).toFreeName("0000004.pdf.gpg",
                "0000004_01.pdf"::equals, null); // claimed by a document whose file is missing
        assertEquals("0000004_02.pdf", placed.name());
        assertEquals("someone else's file", Files.readString(originals.resolve("0000004.pdf")));
        before.forEach((name, sum) -> assertEquals(sum, assertPresent(name)));
    }

    private String assertPresent(String name) {
        try {
            return folder().get(name);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRerunTakesTheCompleteTwinAKilledRunLeftInsteadOfASecondCopy() throws IOException {
        encrypted("invoice.pdf.gpg", pdf);
        Files.writeString(originals.resolve("invoice.pdf"), "another document's file, not claimed");
        InPlaceDecryption.Placed first = decryption(PASSPHRASE).toFreeName("invoice.pdf.gpg", n -> false, null);
        assertEquals("invoice_01.pdf", first.name());
        // killed here: the database still points at invoice.pdf.gpg
        InPlaceDecryption.Placed again = decryption(PASSPHRASE).toFreeName("invoice.pdf.gpg", n -> false, null);
        assertEquals("invoice_01.pdf", again.name());
        assertTrue(again.existing());
        assertEquals(Set.of("invoice.pdf", "invoice.pdf.gpg", "invoice_01.pdf"), folder().keySet());

        // the same content under a name a document claims is that document's, not a twin
        InPlaceDecryption.Placed claimed = decryption(PASSPHRASE).toFreeName("invoice.pdf.gpg", "invoice_01.pdf"::equals, null);
        assertEquals("invoice_02.pdf", claimed.name());
        assertFalse(claimed.existing());

        // a file that only starts like the content (a copy cut short) is no twin either
        Files.delete(originals.resolve("invoice_01.pdf"));
        Files.delete(originals.resolve("invoice_02.pdf"));
        Files.write(originals.resolve("invoice_01.pdf"), Arrays.copyOf(pdf, pdf.length - 1));
        assertEquals("invoice_02.pdf", decryption(PASSPHRASE).toFreeName("invoice.pdf.gpg", n -> false, null).name());
    }

    @Test
    void aWrongPassphraseAFileThatIsNoGpgOrATruncatedOneLeaveTheFolderAsItWas() throws IOException {
        Path file = encrypted("a.pdf.gpg", pdf);
        byte[] whole = Files.readAllBytes(file);
        Files.write(originals.resolve("cut.pdf.gpg"), Arrays.copyOf(whole, whole.length / 2));
        Files.write(originals.resolve("plain.pdf.gpg"), pdf);
        Map<String, String> before = folder();

        GpgException wrong = assertThrows(GpgException.class,
                () -> decryption("battery staple").toFreeName("a.pdf.gpg", n -> false, null));
        assertEquals("wrong passphrase", wrong.getMessage());
        assertEquals(GpgException.Reason.NOT_GPG, assertThrows(GpgException.class,
                () -> decryption(PASSPHRASE).toFreeName("plain.pdf.gpg", n -> false, null)).reason());
        assertEquals(GpgException.Reason.DAMAGED, assertThrows(GpgException.class,
                () -> decryption(PASSPHRASE).toFreeName("cut.pdf.gpg", n -> false, null)).reason());
        assertEquals(GpgException.Reason.TOO_LARGE, assertThrows(GpgException.class,
                () -> new InPlaceDecryption(originals, PASSPHRASE.toCharArray(), 1000).toFreeName("a.pdf.gpg", n -> false, null))
                .reason());
        assertEquals(before, folder());
    }

    @Test
    void theChecksumTheDatabaseRecordedMustFitTheDecryptedOrTheEncryptedFile() throws Exception {
        Path file = encrypted("a.pdf.gpg", pdf);
        Map<String, String> before = folder();
        IOException e = assertThrows(IOException.class,
                () -> decryption(PASSPHRASE).toFreeName("a.pdf.gpg", n -> false, "0".repeat(64)));
        assertTrue(e.getMessage().contains("does not match the checksum recorded"), e.getMessage());
        assertEquals(before, folder());

        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(pdf)); // as paperless-ngx kept it
        assertEquals("a.pdf", decryption(PASSPHRASE).toFreeName("a.pdf.gpg", n -> false, md5.toUpperCase()).name());
        assertTrue(decryption(PASSPHRASE).toFreeName("a.pdf.gpg", n -> false, sha256(Files.readAllBytes(file))).existing());
    }

    @Test
    void aThumbnailGetsExactlyItsNameAndOneThereAlreadyIsKept() throws IOException {
        Path thumbnails = Files.createDirectories(dir.resolve("media/thumbnails"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};
        gpg.encrypt(png, thumbnails.resolve("0000004.png.gpg"), PASSPHRASE);
        gpg.encrypt(png, thumbnails.resolve("0000005.webp.gpg"), PASSPHRASE);
        Files.writeString(thumbnails.resolve("0000005.webp"), "made anew meanwhile");
        InPlaceDecryption files = new InPlaceDecryption(thumbnails, PASSPHRASE.toCharArray(), 1024);

        InPlaceDecryption.Placed made = files.toName("0000004.png.gpg", "0000004.png");
        assertFalse(made.existing());
        assertArrayEquals(png, Files.readAllBytes(thumbnails.resolve("0000004.png")));

        assertEquals(GpgException.Reason.WRONG_PASSPHRASE, assertThrows(GpgException.class,
                () -> new InPlaceDecryption(thumbnails, "wrong".toCharArray(), 1024).toName("0000005.webp.gpg", "0000005.webp"))
                .reason(), "a thumbnail there already does not let a wrong passphrase pass");
        InPlaceDecryption.Placed kept = files.toName("0000005.webp.gpg", "0000005.webp");
        assertTrue(kept.existing());
        assertEquals(sha256(png), kept.digests().plainSha256());
        assertEquals("made anew meanwhile", Files.readString(thumbnails.resolve("0000005.webp")));
        assertEquals(List.of("0000005.webp.gpg", "0000004.png.gpg").stream().sorted().toList(),
                files.unclaimed(Set.of()).stream().sorted().toList());
        assertEquals(List.of("0000005.webp.gpg"), files.unclaimed(Set.of("0000004.png.gpg")));
    }

    @Test
    void digestsTellTheContentWithoutWritingAnything() throws IOException {
        encrypted("left.pdf.gpg", pdf);
        Map<String, String> before = folder();
        assertEquals(sha256(pdf), decryption(PASSPHRASE).digests("left.pdf.gpg").plainSha256());
        assertEquals(before, folder());
    }

    /**
     * A separate JVM decrypts and is killed (SIGKILL) at different moments; whatever moment it was, the folder holds
     * the .gpg file, maybe a temporary file, and the decrypted name only with the complete content; the run after
     * it finishes the job without a second copy.
     */
    @Test
    void killedAtAnyMomentItLeavesNoHalfFileAndTheNextRunFinishes() throws Exception {
        byte[] large = new byte[8 * 1024 * 1024];
        new Random(5).nextBytes(large);
        encrypted("big.pdf.gpg", large);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder decryptOnce = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DecryptOnce.class.getName(), originals.toString(), "big.pdf.gpg", PASSPHRASE).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        int[] delays = {0, 150, 300, 450, 600, 800, 1000, 1300, 1700, 2500};
        for (int delay : delays) {
            Process child = decryptOnce.start();
            Thread.sleep(delay);
            child.destroyForcibly().waitFor();
            Map<String, String> files = folder();
            for (Map.Entry<String, String> f : files.entrySet()) {
                String name = f.getKey();
                boolean temp = name.startsWith(InPlaceDecryption.TEMP_PREFIX) && name.endsWith(InPlaceDecryption.TEMP_SUFFIX);
                assertTrue(temp || name.equals("big.pdf.gpg") || name.equals("big.pdf"), "unexpected " + name);
                if (name.equals("big.pdf")) {
                    assertEquals(sha256(large), f.getValue(), "big.pdf is complete whenever it exists (killed after " + delay + " ms)");
                }
            }
            assertTrue(files.containsKey("big.pdf.gpg"));
            for (String name : files.keySet()) { // what the media store does at its start
                if (name.startsWith(InPlaceDecryption.TEMP_PREFIX)) {
                    Files.delete(originals.resolve(name));
                }
            }
            if (files.containsKey("big.pdf")) {
                break;
            }
        }
        if (!Files.exists(originals.resolve("big.pdf"))) { // no kill came after the end: one run to its end
            Process child = decryptOnce.start();
            assertTrue(child.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue());
        }
        InPlaceDecryption.Placed rerun = new InPlaceDecryption(originals, PASSPHRASE.toCharArray(), Long.MAX_VALUE)
                .toFreeName("big.pdf.gpg", n -> false, null);
        assertEquals("big.pdf", rerun.name());
        assertTrue(rerun.existing(), "the twin the killed run left is taken");
        assertEquals(Set.of("big.pdf", "big.pdf.gpg"), folder().keySet());
        try (InputStream in = Files.newInputStream(originals.resolve("big.pdf"))) {
            assertEquals(sha256(large), sha256(in.readAllBytes()));
        }
    }

    /** The child process of the kill test. */
    public static final class DecryptOnce {

        public static void main(String[] args) throws IOException {
            new InPlaceDecryption(Path.of(args[0]), args[2].toCharArray(), Long.MAX_VALUE).toFreeName(args[1], n -> false, null);
        }
    }
}
