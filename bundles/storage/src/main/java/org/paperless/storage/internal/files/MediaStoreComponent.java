package org.paperless.storage.internal.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files of the media folder. A write never leaves half a file under a real name: temp file in the
 * target folder, fsync, atomic rename, fsync of the folder.
 */
@Component(service = MediaStore.class)
public class MediaStoreComponent implements MediaStore {

    private static final Logger LOG = LoggerFactory.getLogger(MediaStoreComponent.class);
    private static final String TEMP_PREFIX = ".tmp-";
    private static final String TEMP_SUFFIX = ".part";

    /** Guards the exists-check and the rename together: rename(2) would silently replace a file. */
    private final Object renameLock = new Object();
    private final DataFolders folders;

    @Activate
    public MediaStoreComponent(@Reference DataFolders folders) {
        this.folders = folders;
        removeUnfinishedWrites();
    }

    /**
     * Temp files a killed instance left in the middle of a write: nothing refers to them, and nobody
     * writes before this component is active.
     */
    private void removeUnfinishedWrites() {
        for (MediaArea area : MediaArea.values()) {
            Path root = root(area);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> all = Files.walk(root)) {
                for (Path left : all.filter(p -> isTemp(p.getFileName().toString())).toList()) {
                    Files.deleteIfExists(left);
                    LOG.info("Removed {}, left by a write that never finished", left);
                }
            } catch (IOException e) {
                LOG.warn("Could not look for unfinished writes in {}: {}", root, e.getMessage());
            }
        }
    }

    private static boolean isTemp(String name) {
        return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);
    }

    @Override
    public Path write(MediaArea area, String relativeName, InputStream data) throws IOException {
        Path target = resolve(area, relativeName);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
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
            synchronized (renameLock) {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileAlreadyExistsException(target.toString());
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
        return target;
    }

    @Override
    public Path resolve(MediaArea area, String relativeName) {
        Path root = root(area);
        Path path = root.resolve(SafeNames.check(relativeName, area)).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("'" + relativeName + "' does not name a file inside " + root);
        }
        return path;
    }

    @Override
    public boolean delete(MediaArea area, String relativeName) throws IOException {
        Path root = root(area);
        Path target = resolve(area, relativeName);
        if (!Files.deleteIfExists(target)) {
            return false;
        }
        for (Path dir = target.getParent(); !dir.equals(root); dir = dir.getParent()) {
            try {
                Files.delete(dir);
            } catch (DirectoryNotEmptyException e) {
                break;
            }
        }
        return true;
    }

    private Path root(MediaArea area) {
        return folders.media().resolve(area.folder()).toAbsolutePath().normalize();
    }

    /** Makes the rename durable; not every OS lets a folder be opened, hence "when possible". */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the file itself is on disk; only the rename may be lost in a crash
        }
    }
}
