package org.paperless.consumer.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.UUID;

/**
 * Where refused files go: {@code <consume>/failed/NAME} with {@code NAME.reason.txt} beside it. A name
 * already taken gets {@code _01}, {@code _02}... so nothing is overwritten.
 */
final class FailedFolder {

    /** File names longer than this (in UTF-8 bytes) are cut so that "_NN" and ".reason.txt" still fit in 255. */
    static final int MAX_NAME_BYTES = 200;
    static final int MAX_REASON_CHARS = 4000;
    private static final int MAX_NUMBERED = 1000;

    private final Path folder;

    FailedFolder(Path consumptionDir) {
        this.folder = consumptionDir.resolve("failed");
    }

    Path keep(Path source, String reason) throws IOException {
        Path target;
        // The watcher and paperless:consume may refuse files of the same name at once: one lock, and a
        // placement that never replaces a file already kept.
        synchronized (FailedFolder.class) {
            Files.createDirectories(folder);
            target = freeName(shortened(source.getFileName().toString()));
            try {
                Files.createLink(target, source);
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (IOException | UnsupportedOperationException e) {
                // Another file system (e.g. a file given by path): copy, never through a link, never over a file.
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
            Files.delete(source);
        }
        String text = reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) + "..." : reason;
        Files.writeString(target.resolveSibling(target.getFileName() + ".reason.txt"),
                Instant.now() + "\n" + text + "\n", StandardCharsets.UTF_8);
        return target;
    }

    private Path freeName(String name) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        Path candidate = folder.resolve(name);
        for (int i = 1; taken(candidate); i++) {
            candidate = folder.resolve(i < MAX_NUMBERED ? String.format("%s_%02d%s", stem, i, ext)
                    : stem + "_" + UUID.randomUUID() + ext);
        }
        return candidate;
    }

    private static boolean taken(Path candidate) {
        return Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)
                || Files.exists(candidate.resolveSibling(candidate.getFileName() + ".reason.txt"), LinkOption.NOFOLLOW_LINKS);
    }

    /** Keeps the extension and as much of the start as fits. */
    static String shortened(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        StringBuilder stem = new StringBuilder();
        int budget = MAX_NAME_BYTES - ext.getBytes(StandardCharsets.UTF_8).length;
        for (int i = 0; i < name.length() - ext.length();) {
            int cp = name.codePointAt(i);
            String c = new String(Character.toChars(cp));
            budget -= c.getBytes(StandardCharsets.UTF_8).length;
            if (budget < 0) {
                break;
            }
            stem.append(c);
            i += Character.charCount(cp);
        }
        return stem + ext;
    }
}
