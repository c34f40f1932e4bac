package org.paperless.maintenance.internal.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;

import org.paperless.api.Document;
import org.paperless.api.backup.Progress;
import org.paperless.api.maintenance.MaintenanceReport;
import org.paperless.api.naming.DocumentNaming;
import org.paperless.api.naming.UniqueNames;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;
import org.paperless.maintenance.internal.run.DocumentWalk;
import org.paperless.maintenance.internal.run.Tally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * document_renamer: each document's original (and its archive copy beside it, as .pdf) moved to where the
 * filename format puts it now; a taken name gets _01, _02... Folders left empty are removed.
 */
public final class RenameRun {

    private static final Logger LOG = LoggerFactory.getLogger(RenameRun.class);

    private final DocumentRepository documents;
    private final MediaStore media;
    private final MediaMoves moves;
    private final DocumentNaming naming;

    public RenameRun(DocumentRepository documents, MediaStore media, MediaMoves moves, DocumentNaming naming) {
        this.documents = documents;
        this.media = media;
        this.moves = moves;
        this.naming = naming;
    }

    public MaintenanceReport run(DocumentWalk walk, Long documentId, Progress progress) throws Exception {
        Tally tally = new Tally();
        long total = walk.total(documentId);
        walk.walk(documentId, 0, batch -> {
            rename(batch, tally);
            progress.update(tally.done(), total);
        });
        return tally.report();
    }

    /** One batch; a document that cannot be moved is a problem of its own, the others go on. */
    public void rename(List<Document> batch, Tally tally) {
        List<String> stems;
        try {
            stems = naming.originalStems(batch);
        } catch (IllegalArgumentException e) {
            // One bad document spoils the batch's answer: ask one by one to find it.
            if (batch.size() > 1) {
                batch.forEach(d -> rename(List.of(d), tally));
            } else {
                tally.problem(batch.get(0).id(), e.getMessage());
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Document d = batch.get(i);
            try {
                MediaMove move = plan(d, stems.get(i));
                if (move.changesNothing()) {
                    tally.unchanged();
                    continue;
                }
                moves.apply(move, null, () -> documents.updateFiles(
                        new DocumentRepository.FileChange(d.id(), move.toOriginal(), move.toArchive(),
                                move.toArchive() == null ? null : d.archiveChecksum(), null, null)));
                LOG.debug("Document {}: {} -> {}", d.id(), d.filename(), move.toOriginal());
                tally.changed();
            } catch (IOException | RuntimeException e) {
                tally.problem(d.id(), "could not move its files: " + e);
            }
        }
    }

    /** The names the document's files get now; its own current names count as free. */
    MediaMove plan(Document d, String stem) throws IOException {
        if (!Files.exists(media.resolve(MediaArea.ORIGINALS, d.filename()), LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("its original " + d.filename() + " is missing (see paperless:sanity)");
        }
        String extension = Names.extension(d.filename());
        String original = UniqueNames.firstFree(stem, extension,
                c -> !c.equals(d.filename()) && Files.exists(media.resolve(MediaArea.ORIGINALS, c), LinkOption.NOFOLLOW_LINKS));
        String archive = null;
        if (d.archiveFilename() != null) {
            archive = UniqueNames.firstFree(Names.stem(original), ".pdf", c -> !c.equals(d.archiveFilename())
                    && Files.exists(media.resolve(MediaArea.ARCHIVE, c), LinkOption.NOFOLLOW_LINKS));
        }
        return new MediaMove(d.id(), d.filename(), original, d.archiveFilename(), archive, null);
    }
}
