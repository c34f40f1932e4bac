package org.paperless.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The fetcher's private staging area under the data folder: one folder per mail while it is consumed,
 * removed afterwards. Whatever a stop or a crash leaves there is removed when the fetcher starts: the mail
 * is downloaded again.
 */
final class StagedFiles {

    private StagedFiles() {
    }

    /** Writes the stream to {@code target}, at most {@code maxBytes}; returns its SHA-256. */
    static String write(InputStream in, Path target, long maxBytes, String what) throws IOException, MailRefused {
        MessageDigest digest = sha256();
        long total = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0;) {
                total += n;
                if (total > maxBytes) {
                    throw new MailRefused(String.format(Locale.ROOT, "%s is larger than the %,d bytes an attachment may have",
                            what, maxBytes));
                }
                out.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(StagedFiles.class).warn("Could not remove {}: {}", root, e.toString());
        }
    }

    /** Removes what an earlier run left behind, keeps the folder. */
    static void clear(Path root) throws IOException {
        Files.createDirectories(root);
        try (var leftovers = Files.list(root)) {
            for (Path p : leftovers.toList()) {
                deleteTree(p);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
