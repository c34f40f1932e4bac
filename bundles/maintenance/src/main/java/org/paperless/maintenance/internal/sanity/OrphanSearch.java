package org.paperless.maintenance.internal.sanity;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.paperless.api.maintenance.SanityMessage;
import org.paperless.api.maintenance.SanityMessage.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Files in the media folder that no document names, sorted by path. */
final class OrphanSearch {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanSearch.class);

    private final MediaLayout media;

    OrphanSearch(MediaLayout media) {
        this.media = media;
    }

    /** @param referenced the {@link MediaLayout#key keys} of every file a document names */
    List<SanityMessage> find(Set<String> referenced) {
        Path root = media.root();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> orphans = new ArrayList<>();
        List<SanityMessage> unreadable = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && IgnoredFiles.folder(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!attrs.isDirectory() && !IgnoredFiles.file(file.getFileName().toString())
                            && !referenced.contains(media.key(file))) {
                        orphans.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // a folder that cannot be listed may hide orphans: say so instead of passing over it
                    LOG.warn("Cannot look for orphaned files in {}: {}", file, e.toString());
                    unreadable.add(new SanityMessage(null, Level.WARNING,
                            "Cannot look for orphaned files in " + file + ": " + FileReads.reason(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the media folder " + root + ": " + e.getMessage(), e);
        }
        List<SanityMessage> messages = new ArrayList<>();
        orphans.stream().sorted()
                .forEach(file -> messages.add(new SanityMessage(null, Level.WARNING, "Orphaned file in media dir: " + file)));
        messages.addAll(unreadable);
        return messages;
    }
}
