package org.paperless.backup.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * An export holds every document: its folders (0700) and files (0600) are the owner's alone, from the
 * moment they are created. File systems without POSIX permissions keep their own rules.
 */
final class OwnerOnly {

    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {
    }

    static Path createDirectories(Path dir) throws IOException {
        return posix(dir) ? Files.createDirectories(dir, attribute(FOLDER)) : Files.createDirectories(dir);
    }

    /** A new empty file, readable by the owner only. */
    static Path createFile(Path file) throws IOException {
        return posix(file) ? Files.createFile(file, attribute(FILE)) : Files.createFile(file);
    }

    /** A new file, readable by the owner only, open for writing. */
    static FileChannel createChannel(Path file) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return posix(file) ? FileChannel.open(file, options, attribute(FILE)) : FileChannel.open(file, options);
    }

    /** A file or folder an earlier run left with wider permissions. */
    static void restrict(Path path, boolean folder) throws IOException {
        if (posix(path)) {
            Set<PosixFilePermission> wanted = folder ? FOLDER : FILE;
            if (!Files.getPosixFilePermissions(path).equals(wanted)) {
                Files.setPosixFilePermissions(path, wanted);
            }
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
