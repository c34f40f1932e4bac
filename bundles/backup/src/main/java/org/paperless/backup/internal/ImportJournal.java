package org.paperless.backup.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.paperless.api.Document;
import org.paperless.api.storage.MediaArea;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files an import put into the media folder, so that an import that fails, or is killed before its
 * commit, takes away what it wrote and nothing else. Each line is on disk (fsync) before the step it
 * protects: a temporary file is noted, with its file key (device, inode, size and modification time), once
 * its bytes are written and before it is linked to its final name; the final name is noted once linked (a
 * temporary file killed before it was noted is removed by the media store's start, as all of them). Undoing deletes
 * a file only while it still has the key noted, so a file another writer put under the same name
 * meanwhile is never touched. Whether a commit happened is asked of the database, file by file: a file
 * a stored document names stays. While an import runs it holds a lock on the journal, so recovery never
 * undoes a running import.
 */
final class ImportJournal implements AutoCloseable {

    /** Finds a stored document by the checksum of its original; the database may be unreachable (throws). */
    @FunctionalInterface
    interface Lookup {
        Optional<Document> byChecksum(String sha256);
    }

    /** What {@link #recover} found. */
    enum Outcome {
        /** No import left anything. */
        NOTHING,
        /** An import is running and holds the journal: nothing was touched. */
        RUNNING,
        /** The import had committed: its files stay. */
        COMMITTED,
        /** The import had not committed: what it wrote was removed. */
        UNDONE
    }

    private static final Logger LOG = LoggerFactory.getLogger(ImportJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private ImportJournal(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws java.nio.file.FileAlreadyExistsException while another import runs or awaits recovery */
    static ImportJournal start(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.lock();
            syncDirectory(file.getParent());
            return new ImportJournal(file, channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Notes a temporary file for {@code target}, written and flushed, before it is linked there. */
    void temporary(Path temp, Path target) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put("temp", temp.toString());
        line.put("target", target.toString());
        line.put("tempKey", key(temp));
        append(line);
    }

    /** Notes a file now under its final name; {@code document} is the SHA-256 of its document's original. */
    void placed(Path target, MediaArea area, String name, String sha256, String document) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put("placed", target.toString());
        line.put("key", key(target));
        line.put("area", area.name());
        line.put("name", name);
        line.put("sha256", sha256);
        line.put("document", document);
        append(line);
    }

    private void append(ObjectNode line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(true);
    }

    /** The transaction committed: the files stay, the journal goes. */
    void committed() throws IOException {
        close();
        Files.deleteIfExists(file);
        syncDirectory(file.getParent());
    }

    /** The transaction certainly did not commit: this import's files go, and the journal. */
    int rolledBack() throws IOException {
        close();
        int removed = undo(read(file));
        Files.delete(file);
        syncDirectory(file.getParent());
        return removed;
    }

    /** The commit's outcome is unknown: the journal stays for {@link #recover} to decide with the database. */
    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            lock.release();
            channel.close();
        }
    }

    /**
     * What an earlier import left: a file a stored document names stays, the rest of what it wrote goes.
     *
     * @throws RuntimeException from {@code lookup} when the database cannot be asked: then nothing is removed
     */
    static Outcome recover(Path file, Lookup lookup) throws IOException {
        if (!Files.exists(file)) {
            return Outcome.NOTHING;
        }
        boolean committed;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock held;
            try {
                held = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                held = null;
            }
            if (held == null) {
                return Outcome.RUNNING;
            }
            List<JsonNode> lines = read(file);
            committed = committed(lines, lookup);
            if (committed) {
                LOG.info("The import recorded in {} had committed: its files belong to its documents", file);
                removeTemporary(lines, Set.of(), false);
            } else {
                LOG.warn("An import that did not commit was cleaned up: {} of its files removed", undo(lines));
            }
        }
        Files.delete(file);
        syncDirectory(file.getParent());
        return committed ? Outcome.COMMITTED : Outcome.UNDONE;
    }

    private static int undo(List<JsonNode> lines) throws IOException {
        List<JsonNode> placed = lines.stream().filter(l -> l.has("placed")).toList();
        Set<String> named = new HashSet<>();
        int removed = 0;
        for (JsonNode line : placed) {
            named.add(line.path("placed").asText());
            if (deleteIfOurs(Path.of(line.path("placed").asText()), line.path("key").asText(null))) {
                removed++;
            }
        }
        return removed + removeTemporary(lines, named, true);
    }

    /**
     * One transaction stored every document or none: a single document of this import found in the database
     * under its original's checksum and file name means all were stored.
     */
    private static boolean committed(List<JsonNode> lines, Lookup lookup) {
        for (JsonNode line : lines) {
            if (!line.has("placed") || !MediaArea.ORIGINALS.name().equals(line.path("area").asText())) {
                continue;
            }
            Optional<Document> stored = lookup.byChecksum(line.path("document").asText());
            if (stored.isPresent() && line.path("name").asText().equals(stored.get().filename())) {
                return true;
            }
        }
        return false;
    }

    /** Temporary files, and a final name whose link was made but not yet noted (killed in between). */
    private static int removeTemporary(List<JsonNode> lines, Set<String> named, boolean linked) throws IOException {
        int removed = 0;
        for (JsonNode line : lines) {
            if (!line.has("temp")) {
                continue;
            }
            Path temp = Path.of(line.path("temp").asText());
            String target = line.path("target").asText();
            // Killed between linking and noting: the name is the very file the temporary one was (its key: a freed
            // inode goes to the next new file at once, its size and modification time do not follow it), also when
            // the media store's start has removed the temporary name already (it removes every .part left).
            String noted = line.path("tempKey").asText("");
            boolean linkedHere = linked && !named.contains(target) && !noted.isEmpty()
                    && noted.equals(keyIfExists(Path.of(target)));
            Files.deleteIfExists(temp);
            if (linkedHere && Files.deleteIfExists(Path.of(target))) {
                removed++;
            }
        }
        return removed;
    }

    /** Deletes the file only while it is the very file this import wrote (same device and inode). */
    private static boolean deleteIfOurs(Path path, String key) throws IOException {
        String now;
        try {
            now = key(path);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (key == null || !key.equals(now)) {
            LOG.warn("Left {} alone: another file took its name after the import wrote it", path);
            return false;
        }
        return Files.deleteIfExists(path);
    }

    private static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                lines.add(JSON.readTree(text));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // the last line of an import killed while writing it: its step never happened
            }
        }
        return lines;
    }

    /**
     * Device and inode where the file system has them (null elsewhere: then nothing is deleted on a guess),
     * with size and modification time: a file system hands a freed inode to the next new file at once.
     */
    static String key(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Object key = attributes.fileKey();
        return key == null ? null : Objects.toString(key).toLowerCase(Locale.ROOT) + " " + attributes.size() + " "
                + attributes.lastModifiedTime().toInstant();
    }

    private static String keyIfExists(Path path) throws IOException {
        try {
            return key(path);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every OS lets a folder be opened: the file itself is on disk, only its name may be lost in a crash
        }
    }
}
