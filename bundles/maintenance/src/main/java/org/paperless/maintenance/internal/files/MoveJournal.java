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
 * Moves in flight, on disk before the first new file is made: one small file per move or per batch of moves, so
 * that after a crash the next start finishes or undoes each move by what the database says.
 */
public final class MoveJournal {

    private static final Logger LOG = LoggerFactory.getLogger(MoveJournal.class);
    private static final String SUFFIX = ".move";

    /** One journal file and the moves it records. */
    public record Entry(Path file, List<MediaMove> moves) {
    }

    private final Path folder;

    public MoveJournal(Path folder) {
        this.folder = folder;
    }

    /** Writes the moves durably under a name of their own (several runs may write at once). */
    Entry write(List<MediaMove> moves) throws IOException {
        Files.createDirectories(folder);
        Properties p = new Properties();
        p.setProperty("count", Integer.toString(moves.size()));
        for (int i = 0; i < moves.size(); i++) {
            MediaMove move = moves.get(i);
            String k = i + ".";
            p.setProperty(k + "document", Long.toString(move.documentId()));
            put(p, k + "fromOriginal", move.fromOriginal());
            put(p, k + "toOriginal", move.toOriginal());
            put(p, k + "fromArchive", move.fromArchive());
            put(p, k + "toArchive", move.toArchive());
            put(p, k + "toArchiveChecksum", move.toArchiveChecksum());
        }
        StringWriter text = new StringWriter();
        p.store(text, null);
        Path temp = Files.createTempFile(folder, moves.get(0).documentId() + "-", ".tmp");
        Files.writeString(temp, text.toString(), StandardCharsets.UTF_8);
        try (FileChannel c = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        String name = temp.getFileName().toString();
        Path target = folder.resolve(name.substring(0, name.length() - ".tmp".length()) + SUFFIX);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        Durable.syncFolder(folder);
        return new Entry(target, List.copyOf(moves));
    }

    void remove(Entry entry) throws IOException {
        Files.deleteIfExists(entry.file());
    }

    /** The moves a crash interrupted; unreadable entries are logged and left for a person to look at. */
    List<Entry> pending() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path e : files) {
                Properties p = new Properties();
                try (Reader in = Files.newBufferedReader(e, StandardCharsets.UTF_8)) {
                    p.load(in);
                    entries.add(new Entry(e, read(p)));
                } catch (IOException | RuntimeException ex) {
                    LOG.warn("Cannot read the move journal entry {}: {}", e, ex.toString());
                }
            }
        }
        return entries;
    }

    private static List<MediaMove> read(Properties p) {
        int count = Integer.parseInt(p.getProperty("count"));
        List<MediaMove> moves = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String k = i + ".";
            moves.add(new MediaMove(Long.parseLong(p.getProperty(k + "document")), p.getProperty(k + "fromOriginal"),
                    p.getProperty(k + "toOriginal"), p.getProperty(k + "fromArchive"), p.getProperty(k + "toArchive"),
                    p.getProperty(k + "toArchiveChecksum")));
        }
        return moves;
    }

    private static void put(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }
}
