package org.paperless.maintenance.internal.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The last document a long run finished, so that the next run after an interruption starts behind it. */
public final class Checkpoint {

    private final Path file;

    public Checkpoint(Path file) {
        this.file = file;
    }

    /** The last id done, 0 when there is none. */
    long read() throws IOException {
        try {
            return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (NoSuchFileException e) {
            return 0;
        } catch (NumberFormatException e) {
            return 0; // a damaged note: start from the beginning, which is only slower
        }
    }

    void write(long lastId) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, Long.toString(lastId), StandardCharsets.US_ASCII);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    void clear() throws IOException {
        Files.deleteIfExists(file);
    }
}
