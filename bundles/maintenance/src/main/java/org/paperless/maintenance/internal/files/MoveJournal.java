package org.paperless.maintenance.internal.files;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves in flight, one small file per document, on disk before the first new file is made: after a crash the
 * next start finishes or undoes each one by what the database says.
 */
public final class MoveJournal {

    private static final Logger LOG = LoggerFactory.getLogger(MoveJournal.class);
    private static final String SUFFIX = ".move";

    private final Path folder;

    public MoveJournal(Path folder) {
        this.folder = folder;
    }

    void write(MediaMove move) throws IOException {
        Files.createDirectories(folder);
        Properties p = new Properties();
        p.setProperty("document", Long.toString(move.documentId()));
        put(p, "fromOriginal", move.fromOriginal());
        put(p, "toOriginal", move.toOriginal());
        put(p, "fromArchive", move.fromArchive());
        put(p, "toArchive", move.toArchive());
        put(p, "toArchiveChecksum", move.toArchiveChecksum());
        StringWriter text = new StringWriter();
        p.store(text, null);
        Path target = entry(move.documentId());
        Path temp = folder.resolve(target.getFileName() + ".tmp");
        Files.writeString(temp, text.toString(), StandardCharsets.UTF_8);
        try (FileChannel c = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Durable.syncFolder(folder);
    }

    void remove(long documentId) throws IOException {
        Files.deleteIfExists(entry(documentId));
    }

    /** The moves a crash interrupted; unreadable entries are logged and left for a person to look at. */
    List<MediaMove> pending() throws IOException {
        List<MediaMove> moves = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return moves;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path e : entries) {
                Properties p = new Properties();
                try (Reader in = Files.newBufferedReader(e, StandardCharsets.UTF_8)) {
                    p.load(in);
                    moves.add(new MediaMove(Long.parseLong(p.getProperty("document")), p.getProperty("fromOriginal"),
                            p.getProperty("toOriginal"), p.getProperty("fromArchive"), p.getProperty("toArchive"),
                            p.getProperty("toArchiveChecksum")));
                } catch (IOException | RuntimeException ex) {
                    LOG.warn("Cannot read the move journal entry {}: {}", e, ex.toString());
                }
            }
        }
        return moves;
    }

    private Path entry(long documentId) {
        return folder.resolve(documentId + SUFFIX);
    }

    private static void put(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }
}
