package org.paperless.consumer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A private copy of the file being consumed, so a source that changes or vanishes halfway through
 * (a scanner still writing, a user deleting it) cannot corrupt what is stored.
 */
final class Staging implements AutoCloseable {

    private final Path folder;
    private final Path file;

    private Staging(Path folder, Path file) {
        this.folder = folder;
        this.file = file;
    }

    static Staging copy(Path source, Path root) throws IOException {
        Path folder = Files.createDirectories(root.resolve(UUID.randomUUID().toString()));
        Path file = folder.resolve(source.getFileName().toString());
        try {
            Files.copy(source, file, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            new Staging(folder, file).close();
            throw e;
        }
        return new Staging(folder, file);
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        delete(folder);
    }

    static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
