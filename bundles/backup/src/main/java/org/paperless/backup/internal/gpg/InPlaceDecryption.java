package org.paperless.backup.internal.gpg;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.paperless.api.naming.UniqueNames;

/**
 * The file steps of decrypting a media folder's {@code .gpg} files beside themselves (one instance per folder:
 * originals/ or thumbnails/). Each step is safe to be killed at any moment:
 * <ul>
 * <li>The plain content is written to a temporary file in the same folder, named as the media store names its
 * own ({@code .tmp-*.part}, removed when the media store starts), and flushed to disk. Only then does it get its
 * final name, by a hard link that fails rather than replace a file; the folder is flushed too. So a file under
 * a final name is always complete.</li>
 * <li>The final name is the encrypted name without {@code .gpg}, or the next free one
 * ({@link UniqueNames#firstFree}: a name is taken when a file has it or a document claims it). A file under one
 * of those names that no document claims and that holds exactly the decrypted content is the twin an earlier,
 * killed run placed: it is taken as the result instead of a second copy.</li>
 * <li>The encrypted file is deleted only by {@link #deleteEncrypted}, which the caller calls after the database
 * points at the decrypted file. Until then the document points at the {@code .gpg} file, which exists; a rerun
 * decrypts again and finds the twin. A {@code .gpg} file left after the database was changed is claimed by no
 * document any more: {@link #unclaimed} finds it, and the caller deletes it once its decrypted content is
 * known to be a document's original.</li>
 * </ul>
 * Nothing here overwrites or deletes a file that is not a {@code .gpg} file or a temporary file of its own.
 */
public final class InPlaceDecryption {

    static final String TEMP_PREFIX = ".tmp-";
    static final String TEMP_SUFFIX = ".part";

    /** Where a decrypted file ended up; {@code existing} when it was there already (a twin, or a thumbnail kept). */
    public record Placed(String name, Digests digests, boolean existing) {
    }

    /** What a decryption read and wrote, to compare with the checksum a database recorded. */
    public record Digests(long plainBytes, String plainSha256, String plainMd5, String encryptedSha256,
            String encryptedMd5) {

        /**
         * Whether {@code recorded} vouches for this content: none recorded, or the SHA-256 or MD5 of the decrypted
         * content (paperless-ngx kept the MD5 of the decrypted file) or of the encrypted file.
         */
        public boolean fit(String recorded) {
            return recorded == null || recorded.isBlank() || recorded.equalsIgnoreCase(plainSha256)
                    || recorded.equalsIgnoreCase(plainMd5) || recorded.equalsIgnoreCase(encryptedSha256)
                    || recorded.equalsIgnoreCase(encryptedMd5);
        }
    }

    private final Path root;
    private final char[] passphrase;
    private final long maxBytes;

    /** @param maxBytes the largest plain content accepted (a compressed message can unpack to far more than its size) */
    public InPlaceDecryption(Path root, char[] passphrase, long maxBytes) {
        this.root = root.toAbsolutePath().normalize();
        this.passphrase = passphrase.clone();
        this.maxBytes = maxBytes;
    }

    public boolean exists(String name) {
        return Files.exists(resolve(name), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Decrypts {@code encrypted} (relative to the folder) to its name without {@code .gpg}, or the next free one.
     *
     * @param claimed whether a document claims a name (it is then taken, though its file may be missing)
     * @param recorded the checksum a database keeps for the content (null: none); a mismatch refuses the result
     * @throws GpgException when it cannot be decrypted; nothing is left behind then
     */
    public Placed toFreeName(String encrypted, Predicate<String> claimed, String recorded) throws IOException {
        GpgNames.Split split = GpgNames.Split.of(plainName(encrypted));
        Path source = resolve(encrypted);
        Path temp = Files.createTempFile(source.getParent(), TEMP_PREFIX, TEMP_SUFFIX);
        try {
            Digests digests = decrypt(source, temp);
            if (!digests.fit(recorded)) {
                throw new IOException("the decrypted content does not match the checksum recorded for the document ("
                        + recorded + "); the file was left as it is");
            }
            for (int attempt = 0; ; attempt++) {
                String[] twin = {null};
                String name = UniqueNames.firstFree(split.stem(), split.extension(),
                        candidate -> taken(candidate, claimed, digests, twin));
                if (twin[0] != null) {
                    return new Placed(twin[0], digests, true);
                }
                try {
                    link(temp, resolve(name));
                    return new Placed(name, digests, false);
                } catch (FileAlreadyExistsException e) {
                    if (attempt >= 3) {
                        throw e; // something else keeps writing these very names
                    }
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Decrypts {@code encrypted} to exactly {@code plain} (a thumbnail, found by the document's id). When
     * {@code plain} exists already it is kept as it is (made anew meanwhile, or the twin of a killed run); the
     * encrypted file is still decrypted, into nothing, so that a wrong passphrase never passes for done.
     */
    public Placed toName(String encrypted, String plain) throws IOException {
        Path target = resolve(plain);
        Path source = resolve(encrypted);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return new Placed(plain, decrypt(source, null), true);
        }
        Path temp = Files.createTempFile(source.getParent(), TEMP_PREFIX, TEMP_SUFFIX);
        try {
            Digests digests = decrypt(source, temp);
            try {
                link(temp, target);
            } catch (FileAlreadyExistsException e) {
                return new Placed(plain, digests, true);
            }
            return new Placed(plain, digests, false);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Decrypts without writing anything: what the content is. */
    public Digests digests(String encrypted) throws IOException {
        return decrypt(resolve(encrypted), null);
    }

    /** Deletes an encrypted file whose content lives on decrypted; the folder is flushed so that it stays gone. */
    public void deleteEncrypted(String encrypted) throws IOException {
        if (!GpgNames.encrypted(encrypted)) {
            throw new IllegalArgumentException(encrypted + " is no .gpg file");
        }
        Path file = resolve(encrypted);
        if (Files.deleteIfExists(file)) {
            syncFolder(file.getParent());
        }
    }

    /** The {@code .gpg} files of the folder (names relative to it, with forward slashes) that no document claims. */
    public List<String> unclaimed(Set<String> claimed) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> {
                String name = root.relativize(p).toString().replace(java.io.File.separatorChar, '/');
                if (GpgNames.encrypted(name) && !claimed.contains(name)) {
                    found.add(name);
                }
            });
        }
        return found;
    }

    private String plainName(String encrypted) {
        if (!GpgNames.encrypted(encrypted)) {
            throw new IllegalArgumentException(encrypted + " is no .gpg file");
        }
        return GpgNames.plain(encrypted);
    }

    /** A name is taken by a file or a claim; an unclaimed file with the decrypted content is noted as the twin. */
    private boolean taken(String candidate, Predicate<String> claimed, Digests digests, String[] twin) {
        Path path = resolve(candidate);
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return claimed.test(candidate);
        }
        if (twin[0] == null && !claimed.test(candidate) && sameContent(path, digests)) {
            twin[0] = candidate;
        }
        return true;
    }

    private static boolean sameContent(Path path, Digests digests) {
        try {
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.size(path) != digests.plainBytes()) {
                return false;
            }
            MessageDigest sha256 = digest("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS), sha256)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha256.digest()).equals(digests.plainSha256());
        } catch (IOException e) {
            return false; // unreadable: certainly not ours to take
        }
    }

    /** Decrypts {@code source} into {@code temp} (flushed to disk), or into nothing when temp is null. */
    private Digests decrypt(Path source, Path temp) throws IOException {
        MessageDigest encryptedSha256 = digest("SHA-256");
        MessageDigest encryptedMd5 = digest("MD5");
        MessageDigest plainSha256 = digest("SHA-256");
        MessageDigest plainMd5 = digest("MD5");
        long bytes;
        try (InputStream raw = new DigestInputStream(new DigestInputStream(
                Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS), encryptedSha256), encryptedMd5);
             DecryptingStream plain = GpgMessage.open(raw, passphrase, maxBytes)) {
            if (temp == null) {
                bytes = new DigestInputStream(new DigestInputStream(plain, plainSha256), plainMd5)
                        .transferTo(OutputStream.nullOutputStream());
            } else {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    OutputStream out = new DigestOutputStream(new DigestOutputStream(Channels.newOutputStream(channel),
                            plainSha256), plainMd5);
                    bytes = plain.transferTo(out);
                    out.flush();
                    channel.force(true);
                }
            }
            raw.transferTo(OutputStream.nullOutputStream()); // anything after the message, so the digest covers the file
        }
        HexFormat hex = HexFormat.of();
        return new Digests(bytes, hex.formatHex(plainSha256.digest()), hex.formatHex(plainMd5.digest()),
                hex.formatHex(encryptedSha256.digest()), hex.formatHex(encryptedMd5.digest()));
    }

    /** Gives the complete temporary file its final name without ever replacing a file. */
    private static void link(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            // no hard links here (FAT, some network shares): a checked rename, racing only another writer
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
        syncFolder(target.getParent());
    }

    private Path resolve(String name) {
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("'" + name + "' does not name a file inside " + root);
        }
        return path;
    }

    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the file itself is on disk; only its name could be lost in a power cut
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
