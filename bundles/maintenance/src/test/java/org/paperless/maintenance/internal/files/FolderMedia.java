package org.paperless.maintenance.internal.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;

/** The media folder on real files, with the storage bundle's rules: no overwrite, emptied folders removed. */
final class FolderMedia implements MediaStore {

    private final Path root;

    FolderMedia(Path root) {
        this.root = root;
    }

    @Override
    public Path write(MediaArea area, String relativeName, InputStream data) throws IOException {
        Path target = resolve(area, relativeName);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
        Files.copy(data, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    @Override
    public Path resolve(MediaArea area, String relativeName) {
        Path base = root.resolve(area.folder());
        Path p = base.resolve(relativeName).normalize();
        if (!p.startsWith(base)) {
            throw new IllegalArgumentException(relativeName);
        }
        return p;
    }

    @Override
    public boolean delete(MediaArea area, String relativeName) throws IOException {
        Path base = root.resolve(area.folder());
        Path target = resolve(area, relativeName);
        if (!Files.deleteIfExists(target)) {
            return false;
        }
        for (Path dir = target.getParent(); !dir.equals(base); dir = dir.getParent()) {
            try {
                Files.delete(dir);
            } catch (DirectoryNotEmptyException e) {
                break;
            }
        }
        return true;
    }
}
