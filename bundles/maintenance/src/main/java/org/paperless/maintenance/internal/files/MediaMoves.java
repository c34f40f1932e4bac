package org.paperless.maintenance.internal.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.paperless.api.Document;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out {@link MediaMove}s: journal entry, new names (a hard link to the same file, or a new archive copy),
 * the database, then the old names go. No step overwrites or deletes a file it did not make; a kill at any
 * moment leaves the document pointing at a file that exists, and {@link #recover} settles the rest.
 */
public final class MediaMoves {

    private static final Logger LOG = LoggerFactory.getLogger(MediaMoves.class);

    /** The bytes of a newly made archive copy. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    private final MediaStore media;
    private final MoveJournal journal;

    public MediaMoves(MediaStore media, MoveJournal journal) {
        this.media = media;
        this.journal = journal;
    }

    /**
     * @param newArchive the new archive copy's bytes when {@link MediaMove#writesArchive()}, else null
     * @param commit records the new names in the database and returns the document as stored
     * @throws FileAlreadyExistsException when a new name was taken meanwhile (nothing changed then)
     */
    public Document apply(MediaMove move, Content newArchive, Supplier<Document> commit) throws IOException {
        MoveJournal.Entry entry = journal.write(List.of(move));
        List<Path> made = new ArrayList<>();
        Document stored;
        try {
            makeNewNames(move, newArchive, made);
            syncFolders(made);
            stored = commit.get();
        } catch (IOException | RuntimeException | Error e) {
            undo(move, made, e);
            journal.remove(entry);
            throw e;
        }
        removeOld(move);
        journal.remove(entry);
        return stored;
    }

    /**
     * Many renames (links only, no new archive copies) with one journal entry and one commit: what costs is
     * waiting for the disk, and this waits once per batch instead of once per document. A move whose new name
     * cannot be made is left out (nothing of it stays) and reported; the others go on.
     *
     * @param commit records the new names of the moves it is given, all or none
     * @return the moves left out, with the reason
     */
    public Map<MediaMove, IOException> applyAll(List<MediaMove> batch, Consumer<List<MediaMove>> commit)
            throws IOException {
        Map<MediaMove, IOException> left = new LinkedHashMap<>();
        if (batch.isEmpty()) {
            return left;
        }
        MoveJournal.Entry entry = journal.write(batch);
        List<MediaMove> ready = new ArrayList<>();
        List<Path> made = new ArrayList<>();
        try {
            for (MediaMove move : batch) {
                List<Path> own = new ArrayList<>();
                try {
                    makeNewNames(move, null, own);
                    ready.add(move);
                    made.addAll(own);
                } catch (IOException e) {
                    undo(move, own, e);
                    left.put(move, e);
                }
            }
            syncFolders(made);
            if (!ready.isEmpty()) {
                commit.accept(ready);
            }
        } catch (IOException | RuntimeException | Error e) {
            for (Path p : made) {
                Files.deleteIfExists(p);
            }
            journal.remove(entry);
            throw e;
        }
        for (MediaMove move : ready) {
            removeOld(move);
        }
        journal.remove(entry);
        return left;
    }

    private void makeNewNames(MediaMove move, Content newArchive, List<Path> made) throws IOException {
        if (move.movesOriginal()) {
            made.add(link(MediaArea.ORIGINALS, move.fromOriginal(), move.toOriginal()));
        }
        if (move.changesArchive()) {
            if (move.writesArchive()) {
                try (InputStream in = Objects.requireNonNull(newArchive, "archive content").open()) {
                    made.add(media.write(MediaArea.ARCHIVE, move.toArchive(), in));
                }
            } else {
                made.add(link(MediaArea.ARCHIVE, move.fromArchive(), move.toArchive()));
            }
        }
    }

    /** The new names survive a power cut before the database names them; each folder synced once. */
    private static void syncFolders(List<Path> made) {
        made.stream().map(Path::getParent).distinct().forEach(Durable::syncFolder);
    }

    /** Before the commit nothing names the new files. */
    private void undo(MediaMove move, List<Path> made, Throwable failure) throws IOException {
        if (!made.isEmpty()) {
            LOG.debug("Undoing the move of document {}: {}", move.documentId(), failure.toString());
        }
        for (Path p : made) {
            Files.deleteIfExists(p);
        }
    }

    /**
     * Settles the moves a crash interrupted, by what the database says each document's names are now.
     *
     * @param current the document as stored now, empty when it is gone
     */
    public void recover(Function<Long, Optional<Document>> current) throws IOException {
        for (MoveJournal.Entry entry : journal.pending()) {
            for (MediaMove move : entry.moves()) {
                Optional<Document> now = current.apply(move.documentId());
                if (now.isPresent() && committed(move, now.get())) {
                    removeOld(move);
                    LOG.info("Finished moving the files of document {} after a restart", move.documentId());
                } else {
                    removeNew(move, now.orElse(null));
                    LOG.info("Undid an unfinished move of the files of document {}", move.documentId());
                }
            }
            journal.remove(entry);
        }
    }

    private static boolean committed(MediaMove move, Document d) {
        return move.movesOriginal() ? move.toOriginal().equals(d.filename()) : move.toArchive().equals(d.archiveFilename());
    }

    private void removeOld(MediaMove move) throws IOException {
        if (move.movesOriginal()) {
            media.delete(MediaArea.ORIGINALS, move.fromOriginal());
        }
        if (move.changesArchive() && move.fromArchive() != null) {
            media.delete(MediaArea.ARCHIVE, move.fromArchive());
        }
    }

    /** Only what this move made: a link to the old file, or an archive copy with the journal's checksum. */
    private void removeNew(MediaMove move, Document now) throws IOException {
        if (move.movesOriginal() && (now == null || !move.toOriginal().equals(now.filename()))
                && sameFile(MediaArea.ORIGINALS, move.fromOriginal(), move.toOriginal())) {
            media.delete(MediaArea.ORIGINALS, move.toOriginal());
        }
        if (move.changesArchive() && (now == null || !move.toArchive().equals(now.archiveFilename()))) {
            boolean ours = move.writesArchive()
                    ? move.toArchiveChecksum().equals(Sha256.of(media.resolve(MediaArea.ARCHIVE, move.toArchive())))
                    : sameFile(MediaArea.ARCHIVE, move.fromArchive(), move.toArchive());
            if (ours) {
                media.delete(MediaArea.ARCHIVE, move.toArchive());
            }
        }
    }

    private boolean sameFile(MediaArea area, String a, String b) throws IOException {
        Path pa = media.resolve(area, a);
        Path pb = media.resolve(area, b);
        return Files.exists(pa, LinkOption.NOFOLLOW_LINKS) && Files.exists(pb, LinkOption.NOFOLLOW_LINKS)
                && Files.isSameFile(pa, pb);
    }

    /** The same file under a second name; a copy where the file system has no hard links. */
    private Path link(MediaArea area, String from, String to) throws IOException {
        Path source = media.resolve(area, from);
        Path target = media.resolve(area, to);
        Files.createDirectories(target.getParent());
        try {
            Files.createLink(target, source);
        } catch (FileAlreadyExistsException | NoSuchFileException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            try (InputStream in = Files.newInputStream(source)) {
                return media.write(area, to, in);
            }
        }
        return target;
    }
}
