package org.paperless.consumer.internal.folder;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * Lists the candidate files of the consume folder with their size and time. Skips hidden files and
 * folders, the ignore patterns, and paperless's own failed/ folder.
 */
final class FolderScanner {

    private final Path root;
    private final WatchSettings settings;

    FolderScanner(Path root, WatchSettings settings) {
        this.root = root;
        this.settings = settings;
    }

    Map<Path, StableFiles.Observation> scan() throws IOException {
        Map<Path, StableFiles.Observation> found = new HashMap<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                return settings.recursive() && !skipped(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !skipped(file)) {
                    found.put(file, new StableFiles.Observation(attrs.size(), attrs.lastModifiedTime().toMillis(), attrs.fileKey()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // vanished or unreadable now; the next scan sees it again
            }
        });
        return found;
    }

    boolean skipped(Path path) {
        Path relative = root.relativize(path);
        if (relative.getNameCount() > 0 && relative.getName(0).toString().equals("failed")) {
            return true;
        }
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        String text = relative.toString().replace('\\', '/');
        return settings.ignore().stream().anyMatch(p -> p.matcher(text).matches());
    }

    /** The subfolder names between the root and the file, for subdirs-as-tags. */
    java.util.List<String> folderNames(Path file) {
        Path parent = root.relativize(file).getParent();
        java.util.List<String> names = new java.util.ArrayList<>();
        if (parent != null) {
            parent.forEach(p -> names.add(p.toString()));
        }
        return names;
    }
}
