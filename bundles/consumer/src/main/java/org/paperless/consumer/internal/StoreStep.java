package org.paperless.consumer.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.paperless.api.Document;
import org.paperless.api.naming.UniqueNames;
import org.paperless.api.parser.ParsedDocument;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;
import org.paperless.api.storage.WebpEncoder;
import org.paperless.consumer.internal.naming.OriginalStems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a consumption: the duplicate check once more (two identical files read side by side both
 * passed the first one), then files and row, all or nothing. Documents are numbered one at a time, in
 * their turn; their files are written and committed side by side, so the flushes to disk of one document
 * do not hold up the next. A store that loses a passing conflict in the database is undone and made again.
 */
final class StoreStep {

    /** Stores of one document, the first included, while the database reports passing conflicts. */
    static final int ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(StoreStep.class);

    /**
     * Checksums of the documents being stored now, and the media files they have chosen names for: one set
     * per bundle, not per component, so that documents from any source, and from a component on its way out
     * while the next one starts, never pass the duplicate check together or take the same file name.
     */
    private static final Set<String> STORING = new HashSet<>();
    private static final Set<Path> CLAIMED = new HashSet<>();

    /** A committed document whose journal entry is still open: the commit is not noted in it yet. */
    record Committed(Document document, Journal.Entry journal) {
    }

    private final DocumentRepository documents;
    private final MediaStore media;
    private final OriginalStems stems;
    private final Journal journal;
    private final Duplicates duplicates;
    private final Supplier<WebpEncoder> webp;
    /** Whether the PNG fallback was logged: once, not for every document. */
    private volatile boolean toldPng;

    StoreStep(DocumentRepository documents, MediaStore media, OriginalStems stems, Journal journal,
            Supplier<WebpEncoder> webp) {
        this.webp = webp;
        this.documents = documents;
        this.media = media;
        this.stems = stems;
        this.journal = journal;
        this.duplicates = new Duplicates(documents);
    }

    /**
     * @param numbered called once the document has its id: the next document may be numbered then. Ids
     *        follow the order of the calls to this method, whatever order the commits come in (except for a
     *        document stored again after a conflict that came once its files were being written). Called
     *        again by a store made again: it must do nothing the second time (Slot's passTurn does nothing).
     */
    Committed store(Pipeline.Parsed parsed, Runnable numbered) throws Refusal, IOException {
        String checksum = parsed.checksum();
        claim(checksum);
        try {
            duplicates.refuseStored(checksum);
            for (int attempt = 1; ; attempt++) {
                // A new entry each time: the one of a failed attempt was closed with its files removed.
                Journal.Entry entry = journal.open(parsed.source(), parsed.sourceChecksum(), checksum);
                Optional<Document> stored = write(entry, parsed, numbered, attempt);
                if (stored.isPresent()) {
                    return new Committed(stored.get(), entry);
                }
            }
        } finally {
            release(checksum);
        }
    }

    /** Waits while a document with the same checksum is being stored: its outcome decides whether this one is a duplicate. */
    private static void claim(String checksum) {
        boolean interrupted = false;
        synchronized (STORING) {
            while (STORING.contains(checksum)) {
                try {
                    STORING.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the other document's store always ends: waiting is safe, the flag is kept
                }
            }
            STORING.add(checksum);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A thumbnail's bytes and the extension they are stored under. */
    private record Thumbnail(byte[] bytes, String extension) {
    }

    /** The parser's PNG as WebP, as paperless-ngx keeps thumbnails; the PNG where no encoder can make one. */
    private Thumbnail thumbnail(byte[] png) {
        WebpEncoder encoder = webp.get();
        if (encoder != null) {
            try {
                return new Thumbnail(encoder.encode(png), ".webp");
            } catch (IOException e) {
                if (!toldPng) {
                    toldPng = true;
                    LOG.warn("Thumbnails are stored as PNG: {}", e.getMessage());
                }
            }
        }
        return new Thumbnail(png, ".png");
    }

    private static void release(String checksum) {
        synchronized (STORING) {
            STORING.remove(checksum);
            STORING.notifyAll();
        }
    }

    /**
     * The original, the archive copy (same name, .pdf, in archive/) and the thumbnail: the files are noted in
     * the journal before they are written, so even a crash leaves no stray file. The entry stays open until
     * the caller has noted the commit and removed the source. Empty when a passing conflict in the database
     * undid this attempt and another one is left.
     */
    private Optional<Document> write(Journal.Entry entry, Pipeline.Parsed parsed, Runnable numbered, int attempt)
            throws IOException {
        ParsedDocument content = parsed.content();
        String extension = parsed.extension();
        Thumbnail thumbnailFile = content.thumbnailPng() == null ? null : thumbnail(content.thumbnailPng());
        List<Path> written = new ArrayList<>();
        List<Path> claimed = new ArrayList<>();
        try {
            return Optional.of(documents.create(parsed.document(), withId -> {
                numbered.run();
                String original = claimName(MediaArea.ORIGINALS, originalStem(withId, parsed.names()), extension, claimed);
                String thumbnail = thumbnailFile == null ? null
                        : String.format("%07d", withId.id()) + thumbnailFile.extension();
                String archive = content.archivePdf() == null ? null : claimName(MediaArea.ARCHIVE,
                        original.substring(0, original.length() - extension.length()), ".pdf", claimed);
                List<Path> files = new ArrayList<>(List.of(media.resolve(MediaArea.ORIGINALS, original)));
                if (thumbnail != null) {
                    files.add(media.resolve(MediaArea.THUMBNAILS, thumbnail));
                }
                if (archive != null) {
                    files.add(media.resolve(MediaArea.ARCHIVE, archive));
                }
                entry.willWrite(files);
                write(written, MediaArea.ORIGINALS, original, Files.newInputStream(parsed.staged()));
                if (thumbnail != null) {
                    write(written, MediaArea.THUMBNAILS, thumbnail, new ByteArrayInputStream(thumbnailFile.bytes()));
                }
                if (archive != null) {
                    write(written, MediaArea.ARCHIVE, archive, Files.newInputStream(content.archivePdf()));
                }
                return withId.withFilenames(original, archive);
            }));
        } catch (RuntimeException | Error e) {
            Optional<Document> committed = committedDespite(parsed.checksum(), written, e);
            if (committed.isPresent()) {
                return committed;
            }
            // Nothing was committed (an Error, e.g. out of memory, included): undo the files, drop the note.
            for (Path p : written) {
                Files.deleteIfExists(p);
            }
            entry.close();
            SQLException conflict = TransientConflict.in(e);
            if (conflict == null || attempt >= ATTEMPTS) {
                throw e;
            }
            LOG.warn("Storing {} lost a passing conflict in the database ({}: {}); storing it again, attempt {} of {}",
                    parsed.source().getFileName(), conflict.getSQLState(), conflict.getMessage(), attempt + 1, ATTEMPTS);
            return Optional.empty();
        } finally {
            // Committed: the files are there, and taken by them; undone: the names are free again.
            synchronized (CLAIMED) {
                CLAIMED.removeAll(claimed);
            }
        }
    }

    /**
     * A commit can fail after the database stored the row (the connection lost during COMMIT): the database
     * decides. When it cannot answer, the files and the journal entry stay for the recovery at the next start.
     */
    private Optional<Document> committedDespite(String checksum, List<Path> written, Throwable failure) {
        try {
            // Ours only when its original is the file written here (not a duplicate that won a race).
            return documents.findByChecksum(checksum)
                    .filter(d -> written.contains(media.resolve(MediaArea.ORIGINALS, d.filename())));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            throw new IllegalStateException("Storing the document failed and the database cannot say whether it "
                    + "was stored; its files are kept and the next start settles it: " + failure.getMessage(), failure);
        }
    }

    private void write(List<Path> written, MediaArea area, String name, InputStream data) throws IOException {
        try (InputStream in = data) {
            written.add(media.write(area, name, in));
        }
    }

    /** The filename format applied to the stored document. */
    private String originalStem(Document withId, Overrides.Resolved names) {
        return stems.stem(withId, names.storagePath(), names.correspondent(), names.documentType(), names.tagNames());
    }

    /** A name that neither a file nor a document being stored beside this one has; else _01, _02... */
    private String claimName(MediaArea area, String stem, String extension, List<Path> claimed) {
        synchronized (CLAIMED) {
            String name = UniqueNames.firstFree(stem, extension,
                    c -> CLAIMED.contains(media.resolve(area, c)) || Files.exists(media.resolve(area, c)));
            Path path = media.resolve(area, name);
            CLAIMED.add(path);
            claimed.add(path);
            return name;
        }
    }
}
