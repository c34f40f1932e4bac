package org.paperless.consumer.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 * A write-ahead note per consumption, flushed to disk before the media files are written: the source,
 * its checksum, the media files, and that the row was committed. It lives until the source is removed.
 * After a crash it tells what to undo or finish: files of a document whose row was never committed are
 * removed; a source whose document was committed is removed, so it is neither lost nor refused as a
 * duplicate of itself at the next start.
 */
final class Journal {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private static final String COMMITTED = "committed";

    private final Path folder;

    Journal(Path folder) {
        this.folder = folder;
    }

    /**
     * @param sourceChecksum the SHA-256 of the source as it was read: only that file is removed at recovery
     * @param checksum the document's (differs when a pre-consume script changed the working copy)
     */
    Entry open(Path source, String sourceChecksum, String checksum) throws IOException {
        Files.createDirectories(folder);
        // Written with the first note: until a media file is about to be written there is nothing to recover,
        // and the store step, which documents take one at a time, saves a flush.
        return new Entry(folder.resolve(UUID.randomUUID() + ".journal"),
                "source=" + source + "\nsource-checksum=" + sourceChecksum + "\nchecksum=" + checksum + "\n");
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
            } catch (IOException | RuntimeException e) {
                // The database not up yet, say: the entry stays for the next start, the consumer starts anyway.
                LOG.warn("Could not settle {}; it is kept for the next start: {}", entry, e.toString());
            }
        }
    }

    private static void settle(Path entry, Predicate<String> committed) throws IOException {
        String source = null;
        String sourceChecksum = null;
        String checksum = null;
        boolean committedHere = false;
        List<Path> written = new ArrayList<>();
        for (String line : Files.readAllLines(entry, StandardCharsets.UTF_8)) {
            if (line.startsWith("source=")) {
                source = line.substring(7);
            } else if (line.startsWith("source-checksum=")) {
                sourceChecksum = line.substring(16);
            } else if (line.startsWith("checksum=")) {
                checksum = line.substring(9);
            } else if (line.startsWith("file=")) {
                written.add(Path.of(line.substring(5)));
            } else if (line.equals(COMMITTED)) {
                committedHere = true;
            }
        }
        // The note may not have reached the disk when the crash came right after the commit: ask the database too.
        if (committedHere || checksum != null && committed.test(checksum)) {
            removeSource(source, sourceChecksum != null ? sourceChecksum : checksum);
        } else {
            for (Path file : written) {
                if (Files.deleteIfExists(file)) {
                    LOG.info("Recovered after a crash: removed {}, whose document was never stored", file);
                }
            }
        }
    }

    /** Only the very file that was stored: a new file under the same name stays. */
    private static void removeSource(String source, String checksum) throws IOException {
        if (source == null || checksum == null) {
            return;
        }
        Path path = Path.of(source);
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && checksum.equals(Checksums.sha256(path))) {
            Files.delete(path);
            LOG.info("Recovered after a crash: {} was stored already; its source is removed now", source);
        }
    }

    /** One consumption's note; closed (deleted) once the source is removed or everything is undone. */
    static final class Entry implements AutoCloseable {
        private final Path file;
        /** What the entry is about, until it is on disk. */
        private String header;

        private Entry(Path file, String header) {
            this.file = file;
            this.header = header;
        }

        /** Called before the media files are written, so a crash in between still knows about them. */
        void willWrite(List<Path> mediaFiles) {
            StringBuilder lines = new StringBuilder();
            for (Path f : mediaFiles) {
                lines.append(lines.length() == 0 ? "" : "\n").append("file=").append(f);
            }
            try {
                append(lines.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * The row is committed: from now on recovery finishes the consumption (removes the source). Should
         * the note fail, recovery still finds the document by its checksum.
         */
        void committed() {
            try {
                append(COMMITTED);
            } catch (IOException e) {
                LOG.warn("Could not note the commit in {}: {}", file, e.toString());
            }
        }

        /** One write and one flush per note. */
        private void append(String line) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(StandardCharsets.UTF_8.encode((header == null ? "" : header) + line + "\n"));
                channel.force(true);
            }
            header = null;
        }

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(file);
        }
    }
}
