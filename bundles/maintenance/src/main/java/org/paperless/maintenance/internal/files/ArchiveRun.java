package org.paperless.maintenance.internal.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

import org.paperless.api.Document;
import org.paperless.api.backup.Progress;
import org.paperless.api.maintenance.MaintenanceReport;
import org.paperless.api.naming.UniqueNames;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;
import org.paperless.api.parser.ParserRegistry;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;
import org.paperless.maintenance.internal.run.DocumentWalk;
import org.paperless.maintenance.internal.run.Tally;
import org.paperless.maintenance.internal.run.Window;

/**
 * document_archiver: the archive copy (and the text that comes with it) made again through the parser
 * consumption uses, documents parsed side by side in the bounded pool and stored in id order. A document
 * that cannot be archived (an encrypted PDF) is reported with its reason and tried again next run. A run
 * over every document with overwrite notes the last id done, so an interrupted run resumes there.
 */
public final class ArchiveRun {

    private final DocumentRepository documents;
    private final MediaStore media;
    private final MediaMoves moves;
    private final ParserRegistry parsers;
    private final ExecutorService pool;
    private final int width;
    private final Checkpoint checkpoint;

    /** What parsing one document gave: an archive copy, nothing to do, or a reason it failed. */
    private record Outcome(Document document, ParsedDocument parsed, String problem) {
    }

    public ArchiveRun(DocumentRepository documents, MediaStore media, MediaMoves moves, ParserRegistry parsers,
            ExecutorService pool, int width, Checkpoint checkpoint) {
        this.documents = documents;
        this.media = media;
        this.moves = moves;
        this.parsers = parsers;
        this.pool = pool;
        this.width = width;
        this.checkpoint = checkpoint;
    }

    public MaintenanceReport run(DocumentWalk walk, Long documentId, boolean overwrite, Progress progress) throws Exception {
        Tally tally = new Tally();
        long total = walk.total(documentId);
        boolean resumable = overwrite && documentId == null;
        long resumeAfter = resumable ? checkpoint.read() : 0;
        Window<Outcome> window = new Window<>(pool, width, outcome -> {
            store(outcome, tally);
            if (resumable) {
                checkpoint.write(outcome.document().id());
            }
            progress.update(tally.done(), total);
        });
        try {
            walk.walk(documentId, resumeAfter, batch -> {
                for (Document d : batch) {
                    if (!overwrite && d.archiveFilename() != null) {
                        tally.unchanged();
                        continue;
                    }
                    window.submit(() -> parse(d));
                }
            });
            window.drain();
        } catch (Exception | Error e) {
            window.cancel();
            throw e;
        }
        if (resumable) {
            checkpoint.clear();
        }
        return tally.report();
    }

    private Outcome parse(Document d) {
        DocumentParser parser = parsers.forType(d.mimeType()).orElse(null);
        if (parser == null) {
            return new Outcome(d, null, "no parser reads " + d.mimeType() + " files: is the parser's feature installed?");
        }
        try {
            return new Outcome(d, parser.parse(media.resolve(MediaArea.ORIGINALS, d.filename()), d.mimeType()), null);
        } catch (ParseException e) {
            return new Outcome(d, null, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return new Outcome(d, null, "the " + d.mimeType() + " parser failed: " + e);
        }
    }

    private void store(Outcome outcome, Tally tally) throws IOException {
        Document d = outcome.document();
        if (outcome.problem() != null) {
            tally.problem(d.id(), outcome.problem());
            return;
        }
        Path archivePdf = outcome.parsed().archivePdf();
        if (archivePdf == null) {
            tally.unchanged(); // plain text and the like: the original is all there is
            return;
        }
        try {
            String checksum = Sha256.of(archivePdf);
            String preferred = Names.stem(d.filename()) + ".pdf";
            String name = UniqueNames.firstFree(Names.stem(d.filename()), ".pdf",
                    c -> Files.exists(media.resolve(MediaArea.ARCHIVE, c)));
            MediaMove move = new MediaMove(d.id(), d.filename(), d.filename(), d.archiveFilename(), name, checksum);
            Document stored = moves.apply(move, () -> Files.newInputStream(archivePdf), () -> documents.updateFiles(
                    new DocumentRepository.FileChange(d.id(), d.filename(), name, checksum, null, outcome.parsed().text())));
            if (!name.equals(preferred) && !Files.exists(media.resolve(MediaArea.ARCHIVE, preferred))) {
                // The old copy held the name beside the original until now: the new one takes it over.
                MediaMove back = new MediaMove(d.id(), d.filename(), d.filename(), name, preferred, null);
                moves.apply(back, null, () -> documents.updateFiles(
                        DocumentRepository.FileChange.renamed(stored, stored.filename(), preferred)));
            }
            tally.changed();
        } catch (IOException | RuntimeException e) {
            tally.problem(d.id(), "could not store its archive copy: " + e);
        } finally {
            Files.deleteIfExists(archivePdf);
        }
    }
}
