package org.paperless.backup.internal.gpg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Encrypts test files with the real {@code gpg} (Debian's gnupg, installed by {@code ./paperless test}), as older
 * paperless versions did: symmetric, with a passphrase. Its home folder is a temporary one of the test.
 */
public final class Gpg {

    private final Path home;

    public Gpg(Path home) throws IOException {
        this.home = Files.createDirectories(home);
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    /** {@code gpg --symmetric --cipher-algo AES256} of {@code in} into {@code out}; {@code extra} options come first. */
    public Path encrypt(Path in, Path out, String passphrase, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--yes", "--quiet",
                "--pinentry-mode", "loopback", "--passphrase", passphrase));
        command.addAll(List.of(extra));
        command.addAll(List.of("--symmetric", "--cipher-algo", "AES256", "-o", out.toString(), in.toString()));
        run(command);
        return out;
    }

    /** Encrypts {@code bytes} into {@code out}. */
    public Path encrypt(byte[] bytes, Path out, String passphrase, String... extra) throws IOException {
        Path plain = Files.write(home.resolve("plain-" + System.nanoTime()), bytes);
        try {
            return encrypt(plain, out, passphrase, extra);
        } finally {
            Files.deleteIfExists(plain);
        }
    }

    /** Encrypts {@code bytes} to a key made for the purpose: what a passphrase can never open. */
    public Path encryptToKey(byte[] bytes, Path out) throws IOException {
        String user = "paperless-test@example.org";
        run(List.of("gpg", "--homedir", home.toString(), "--batch", "--quiet", "--pinentry-mode", "loopback",
                "--passphrase", "", "--quick-gen-key", user, "default", "default"));
        Path plain = Files.write(home.resolve("plain-" + System.nanoTime()), bytes);
        try {
            run(List.of("gpg", "--homedir", home.toString(), "--batch", "--yes", "--quiet", "--trust-model", "always",
                    "--encrypt", "--recipient", user, "-o", out.toString(), plain.toString()));
        } finally {
            Files.deleteIfExists(plain);
        }
        return out;
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("gpg failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while gpg ran", e);
        } finally {
            process.destroy();
        }
    }
}
