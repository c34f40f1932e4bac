package org.paperless.maintenance.internal.sanity;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.paperless.api.maintenance.SanityMessage;
import org.paperless.api.maintenance.SanityMessage.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files in the media folder that no document names, sorted by path. The folder is listed while the
 * documents are checked (its directories come from the disk beside the files being hashed), and the
 * listing is held against the names the documents gave at the end.
 */
final class OrphanSearch {

    /** The media folder's files, by {@link MediaLayout#key key}, and the folders that could not be listed. */
    record Listing(Map<String, Path> files, List<SanityMessage> unreadable) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(OrphanSearch.class);

    private final MediaLayout media;

    OrphanSearch(MediaLayout media) {
        this.media = media;
    }

    /** Lists the media folder on a thread of its own; {@link #find} waits for it. */
    CompletableFuture<Listing> listInBackground() {
        return CompletableFuture.supplyAsync(this::list, task -> {
            Thread thread = new Thread(task, "paperless-sanity-listing");
            thread.setDaemon(true);
            thread.start();
        });
    }

    Listing list() {
        Path root = media.root();
        Map<String, Path> files = new HashMap<>();
        List<SanityMessage> unreadable = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return new Listing(files, unreadable);
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && IgnoredFiles.folder(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!attrs.isDirectory() && !IgnoredFiles.file(file.getFileName().toString())) {
                        files.put(media.key(file), file);
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
        return new Listing(files, unreadable);
    }

    /** @param referenced the {@link MediaLayout#key keys} of every file a document names */
    List<SanityMessage> find(CompletableFuture<Listing> listing, Set<String> referenced) {
        Listing listed = await(listing);
        List<SanityMessage> messages = new ArrayList<>();
        listed.files().entrySet().stream()
                .filter(file -> !referenced.contains(file.getKey()))
                .map(Map.Entry::getValue)
                .sorted()
                .forEach(file -> messages.add(new SanityMessage(null, Level.WARNING, "Orphaned file in media dir: " + file)));
        messages.addAll(listed.unreadable());
        return messages;
    }

    private static Listing await(CompletableFuture<Listing> listing) {
        try {
            return listing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("Cannot list the media folder: " + e.getCause(), e.getCause());
        }
    }
}
