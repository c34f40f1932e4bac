package org.paperless.consumer.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write-ahead note per consumption, flushed to disk before each media file is written: the source,
 * its checksum, and the media files. After a crash it tells what to undo or finish: files of a
 * document whose row was never committed are removed; a source whose document was committed is
 * removed, so it is neither lost nor consumed twice.
 */
final class Journal {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final Path folder;

    Journal(Path folder) {
        this.folder = folder;
    }

    Entry open(Path source, String checksum) throws IOException {
        Files.createDirectories(folder);
        Entry entry = new Entry(folder.resolve(UUID.randomUUID() + ".journal"));
        entry.append("source=" + source);
        entry.append("checksum=" + checksum);
        return entry;
    }

    /** Settles what a crash left behind; {@code committed} says whether a document has the checksum. */
    void recover(Predicate<String> committed) {
        List<Path> entries;
        try (var files = Files.list(folder)) {
            entries = files.filter(p -> p.getFileName().toString().endsWith(".journal")).toList();
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            LOG.warn("Could not read the consumption journal {}: {}", folder, e.toString());
            return;
        }
        for (Path entry : entries) {
            try {
                settle(entry, committed);
                Files.delete(entry);
            } catch (IOException e) {
                LOG.warn("Could not settle {}: {}", entry, e.toString());
            }
        }
    }

    private static void settle(Path entry, Predicate<String> committed) throws IOException {
        String source = null;
        String checksum = null;
        List<Path> written = new ArrayList<>();
        for (String line : Files.readAllLines(entry, StandardCharsets.UTF_8)) {
            if (line.startsWith("source=")) {
                source = line.substring(7);
            } else if (line.startsWith("checksum=")) {
                checksum = line.substring(9);
            } else if (line.startsWith("file=")) {
                written.add(Path.of(line.substring(5)));
            }
        }
        if (checksum != null && committed.test(checksum)) {
            if (source != null && Files.exists(Path.of(source)) && checksum.equals(Checksums.sha256(Path.of(source)))) {
                Files.delete(Path.of(source));
                LOG.info("Recovered after a crash: {} was stored already; its source is removed now", source);
            }
        } else {
            for (Path file : written) {
                if (Files.deleteIfExists(file)) {
                    LOG.info("Recovered after a crash: removed {}, whose document was never stored", file);
                }
            }
        }
    }

    /** One consumption's note; closed (deleted) once the document is committed or everything is undone. */
    static final class Entry implements AutoCloseable {
        private final Path file;

        private Entry(Path file) {
            this.file = file;
        }

        /** Called before the media file is written, so a crash in between still knows about it. */
        void willWrite(Path mediaFile) {
            try {
                append("file=" + mediaFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void append(String line) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(StandardCharsets.UTF_8.encode(line + "\n"));
                channel.force(true);
            }
        }

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(file);
        }
    }
}
