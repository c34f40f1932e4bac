package org.paperless.maintenance.internal.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
        Set<String> claimed = new HashSet<>();
        List<MediaMove> planned = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Document d = batch.get(i);
            try {
                MediaMove move = plan(d, stems.get(i), claimed);
                if (move.changesNothing()) {
                    tally.unchanged();
                } else {
                    planned.add(move);
                }
            } catch (IOException | RuntimeException e) {
                tally.problem(d.id(), "could not move its files: " + e);
            }
        }
        Map<Long, Document> byId = batch.stream().collect(Collectors.toMap(Document::id, d -> d));
        try {
            Map<MediaMove, IOException> left = moves.applyAll(planned, ready -> documents.updateAllFiles(
                    ready.stream().map(m -> change(byId.get(m.documentId()), m)).toList()));
            for (MediaMove move : planned) {
                IOException e = left.get(move);
                if (e == null) {
                    LOG.debug("Document {}: {} -> {}", move.documentId(), move.fromOriginal(), move.toOriginal());
                    tally.changed();
                } else {
                    tally.problem(move.documentId(), "could not move its files: " + e);
                }
            }
        } catch (IOException | RuntimeException e) {
            // The batch's commit failed and nothing of it stays: one by one, so that only the culprit fails.
            LOG.debug("Renaming a batch failed ({}); moving its documents one by one", e.toString());
            planned.forEach(m -> renameOne(byId.get(m.documentId()), m, tally));
        }
    }

    private void renameOne(Document d, MediaMove move, Tally tally) {
        try {
            moves.apply(move, null, () -> documents.updateFiles(change(d, move)));
            tally.changed();
        } catch (IOException | RuntimeException e) {
            tally.problem(d.id(), "could not move its files: " + e);
        }
    }

    private static DocumentRepository.FileChange change(Document d, MediaMove move) {
        return new DocumentRepository.FileChange(d.id(), move.toOriginal(), move.toArchive(),
                move.toArchive() == null ? null : d.archiveChecksum(), null, null);
    }

    /**
     * The names the document's files get now; its own current names count as free, names another document of
     * the same batch was given ({@code claimed}, filled here) as taken.
     */
    MediaMove plan(Document d, String stem, Set<String> claimed) throws IOException {
        if (!Files.exists(media.resolve(MediaArea.ORIGINALS, d.filename()), LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("its original " + d.filename() + " is missing (see paperless:sanity)");
        }
        String extension = Names.extension(d.filename());
        String original = UniqueNames.firstFree(stem, extension, c -> !c.equals(d.filename())
                && (claimed.contains("o:" + c) || Files.exists(media.resolve(MediaArea.ORIGINALS, c), LinkOption.NOFOLLOW_LINKS)));
        String archive = null;
        if (d.archiveFilename() != null) {
            archive = UniqueNames.firstFree(Names.stem(original), ".pdf", c -> !c.equals(d.archiveFilename())
                    && (claimed.contains("a:" + c) || Files.exists(media.resolve(MediaArea.ARCHIVE, c), LinkOption.NOFOLLOW_LINKS)));
            claimed.add("a:" + archive);
        }
        claimed.add("o:" + original);
        return new MediaMove(d.id(), d.filename(), original, d.archiveFilename(), archive, null);
    }
}
