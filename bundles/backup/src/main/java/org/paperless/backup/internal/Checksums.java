package org.paperless.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 (ours, paperless-ngx 3.x) and MD5 (paperless-ngx 2.x and before) as lower-case hex. */
final class Checksums {

    private Checksums() {
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in, "SHA-256");
        }
    }

    static String md5(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in, "MD5");
        }
    }

    /** The stream, feeding every digest given (null ones skipped) with what is written through it. */
    static OutputStream hashing(OutputStream out, MessageDigest... digests) {
        OutputStream hashed = out;
        for (MessageDigest d : digests) {
            if (d != null) {
                hashed = new DigestOutputStream(hashed, d);
            }
        }
        return hashed;
    }

    /** The algorithm a stored checksum was made with, told by its length. */
    static String algorithmOf(String hex) {
        return hex != null && hex.length() == 32 ? "MD5" : "SHA-256";
    }

    static String of(InputStream in, String algorithm) throws IOException {
        MessageDigest digest = digest(algorithm);
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
