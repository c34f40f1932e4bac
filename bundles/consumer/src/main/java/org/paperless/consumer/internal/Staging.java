package org.paperless.consumer.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private copy of the file being consumed, so a source that changes or vanishes halfway through
 * (a scanner still writing, a user deleting it) cannot corrupt what is stored. The source is read
 * through one open file that never follows a link, and its checksum comes from the same bytes: swapping
 * the file for a link to a secret (a credentials file, say) cannot bring that secret in.
 */
final class Staging implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Staging.class);

    /** Kept free beside a staged copy, so staging never fills the disk the database and logs live on. */
    static final long FREE_SPACE_RESERVE = 64L * 1024 * 1024;

    private final Path folder;
    private final Path file;
    private final FileIdentity source;
    private final String sourceChecksum;

    private Staging(Path folder, Path file, FileIdentity source, String sourceChecksum) {
        this.folder = folder;
        this.file = file;
        this.source = source;
        this.sourceChecksum = sourceChecksum;
    }

    /**
     * @param expected what the scan saw under this name, or null for a file given by path
     * @throws Refusal when it is a link, not a regular file, or does not fit on the disk
     * @throws FileChangedException when it is not (or no longer) what the scan saw
     */
    static Staging copy(Path source, FileIdentity expected, Path root) throws IOException, Refusal {
        BasicFileAttributes before = Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (expected != null && (!before.isRegularFile() || !expected.sameFileAs(before))) {
            throw new FileChangedException(source, before.isSymbolicLink() ? "was replaced by a link" : "was replaced or changed its size");
        }
        if (before.isSymbolicLink()) {
            throw new Refusal(source + " is a symbolic link. Links are never followed (a link could bring in any file "
                    + "the service can read); consume the file itself instead");
        }
        if (!before.isRegularFile()) {
            throw new Refusal(source + " is not a regular file");
        }
        Files.createDirectories(root);
        long free = Files.getFileStore(root).getUsableSpace();
        if (free - FREE_SPACE_RESERVE < before.size()) {
            throw new Refusal("Not enough free space in " + root + " to stage it: it has " + before.size() / (1024 * 1024)
                    + " MB, " + Math.max(0, free) / (1024 * 1024) + " MB are free and " + FREE_SPACE_RESERVE / (1024 * 1024)
                    + " MB stay in reserve. Make room, then put the file back into the consume folder");
        }
        Path folder = Files.createDirectories(root.resolve(UUID.randomUUID().toString()));
        Path file = folder.resolve(source.getFileName().toString());
        try (FileChannel in = open(source)) {
            BasicFileAttributes opened = Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!FileIdentity.of(before).sameFileAs(opened) || in.size() != before.size()) {
                throw new FileChangedException(source, "was replaced or changed its size");
            }
            MessageDigest digest = Checksums.sha256();
            if (copyExactly(in, before.size(), file, digest) != before.size()) {
                throw new FileChangedException(source, "changed its size");
            }
            Files.setLastModifiedTime(file, before.lastModifiedTime());
            return new Staging(folder, file, FileIdentity.of(before), Checksums.hex(digest));
        } catch (IOException | RuntimeException e) {
            delete(folder);
            throw e;
        }
    }

    /** A link put there since the look above makes the open fail (O_NOFOLLOW): that is a change, not an error. */
    private static FileChannel open(Path source) throws IOException {
        try {
            return FileChannel.open(source, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(source)) {
                throw new FileChangedException(source, "was replaced by a link");
            }
            throw e;
        }
    }

    /** Copies at most one byte more than expected, so a file still growing is noticed, not read forever. */
    private static long copyExactly(FileChannel in, long expected, Path target, MessageDigest digest) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long copied = 0;
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (copied <= expected) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), expected + 1 - copied));
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                digest.update(buffer.array(), 0, n);
                out.write(buffer.array(), 0, n);
                copied += n;
            }
        }
        return copied;
    }

    Path file() {
        return file;
    }

    /** The file key and size of the source when it was copied: only that file is removed afterwards. */
    FileIdentity source() {
        return source;
    }

    /** The SHA-256 of the bytes read from the source (the staged copy may change by a pre-consume script). */
    String sourceChecksum() {
        return sourceChecksum;
    }

    /** Never fails a consumption: a copy left behind is cleared at the next start. */
    @Override
    public void close() {
        try {
            delete(folder);
        } catch (IOException e) {
            LOG.warn("Could not remove the staged copy {}: {}", folder, e.toString());
        }
    }

    static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
