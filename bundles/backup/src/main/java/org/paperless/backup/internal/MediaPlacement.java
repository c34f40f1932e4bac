package org.paperless.backup.internal;

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

/**
 * Puts an imported file under its name in the media folder without ever replacing a file: the bytes go
 * to a temporary file in the target folder (named as the media store names its own, so that one left by
 * a killed instance is removed when the media store starts), are flushed and checked, and the file is
 * then hard-linked to its name, which fails when the name is taken. Where the file system has no hard
 * links, a rename after an existence check does the same but for a race with another writer.
 */
final class MediaPlacement {

    /** The media store's temporary names (MediaStoreComponent): its start removes leftovers of these. */
    static final String TEMP_PREFIX = ".tmp-";
    static final String TEMP_SUFFIX = ".part";

    /** Runs once the bytes are on disk and before the file gets its name; throws to refuse them. */
    @FunctionalInterface
    interface Check {
        void verify() throws IOException;
    }

    private MediaPlacement() {
    }

    /**
     * Writes {@code data} to {@code target}, noted in the journal.
     *
     * @param placed called with the target after it got its name, to note it with what the check learned
     * @throws FileAlreadyExistsException when the name is taken; nothing of the other file is touched
     */
    static void write(Path target, InputStream data, Check check, ImportJournal journal, Placed placed) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "already in the media folder; import into an instance with an empty media folder");
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                data.transferTo(out);
                channel.force(true);
            }
            check.verify();
            journal.temporary(temp, target);
            link(temp, target);
            placed.noted(target);
        } finally {
            Files.deleteIfExists(temp);
        }
        ImportJournal.syncDirectory(dir);
    }

    @FunctionalInterface
    interface Placed {
        void noted(Path target) throws IOException;
    }

    private static void link(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
            return;
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "another file took this name during the import; import into an instance nothing else writes to");
        } catch (UnsupportedOperationException | FileSystemException e) {
            // no hard links here (FAT, some network shares): fall back to a checked rename
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "another file took this name during the import; import into an instance nothing else writes to");
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
