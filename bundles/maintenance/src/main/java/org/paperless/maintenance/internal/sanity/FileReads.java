package org.paperless.maintenance.internal.sanity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reads a file from start to end in small pieces: a 2 GB original costs 64 KB of memory. */
final class FileReads {

    private static final int BUFFER = 64 * 1024;

    private FileReads() {
    }

    /** The file's SHA-256 as lower-case hex. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        readThrough(file, digest);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Reads every byte, so a file that cannot be read is found (the thumbnail check). */
    static void readThrough(Path file) throws IOException {
        readThrough(file, null);
    }

    /** Why a read failed, for a message: "Permission denied: /media/originals/a.pdf". */
    static String describe(IOException e, Path file) {
        return reason(e) + ": " + file;
    }

    /** Why a read failed, without the file: "Permission denied". */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof FileSystemException fse) {
            return fse.getReason() != null ? fse.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void readThrough(Path file, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (digest != null) {
                    digest.update(buffer, 0, n);
                }
            }
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
