package org.paperless.consumer.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * Where refused files go: {@code <consume>/failed/NAME} with {@code NAME.reason.txt} beside it. A name
 * already taken gets {@code _01}, {@code _02}... so nothing is overwritten.
 */
final class FailedFolder {

    private final Path folder;

    FailedFolder(Path consumptionDir) {
        this.folder = consumptionDir.resolve("failed");
    }

    Path keep(Path source, String reason) throws IOException {
        Files.createDirectories(folder);
        Path target = freeName(source.getFileName().toString());
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Another file system (e.g. a file given by path): copy, then remove the source.
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
            Files.delete(source);
        }
        Files.writeString(target.resolveSibling(target.getFileName() + ".reason.txt"),
                Instant.now() + "\n" + reason + "\n", StandardCharsets.UTF_8);
        return target;
    }

    private Path freeName(String name) {
        Path candidate = folder.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int i = 1; Files.exists(candidate) || Files.exists(candidate.resolveSibling(candidate.getFileName() + ".reason.txt")); i++) {
            candidate = folder.resolve(String.format("%s_%02d%s", stem, i, ext));
        }
        return candidate;
    }
}
