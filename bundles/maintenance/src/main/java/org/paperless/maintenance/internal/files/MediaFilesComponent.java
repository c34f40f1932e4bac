package org.paperless.maintenance.internal.files;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.paperless.api.Document;
import org.paperless.api.backup.Progress;
import org.paperless.api.maintenance.Archiver;
import org.paperless.api.maintenance.MaintenanceReport;
import org.paperless.api.maintenance.Renamer;
import org.paperless.api.maintenance.Thumbnails;
import org.paperless.api.naming.DocumentNaming;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParserRegistry;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.DocumentEvents;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.MediaStore;
import org.paperless.api.storage.WebpEncoder;
import org.paperless.maintenance.internal.run.DocumentWalk;
import org.paperless.maintenance.internal.run.Tally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The documents' files: renamer, archiver and thumbnails, one run at a time (they move the same files).
 * A changed document (a title, a storage path, the retagger) is filed anew through the same renamer.
 * Moves a crash interrupted are settled when the component starts.
 */
// Immediate: interrupted moves are finished or undone at start (paperless:status waits for it).
@Component(service = {Renamer.class, Archiver.class, Thumbnails.class, EventHandler.class},
        property = EventConstants.EVENT_TOPIC + "=" + DocumentEvents.TOPIC_UPDATED, immediate = true)
public class MediaFilesComponent implements Renamer, Archiver, Thumbnails, EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MediaFilesComponent.class);

    private final DocumentRepository documents;
    private final MediaStore media;
    private final MediaMoves moves;
    private final Checkpoint archiveCheckpoint;
    private final ParserRegistry parsers = new ParserRegistry();
    private final int width = Math.max(1, Runtime.getRuntime().availableProcessors());
    private final ExecutorService pool = Executors.newFixedThreadPool(width, r -> new Thread(r, "paperless-maintenance"));
    /** Held by a console run for its whole length: a second one is refused at once. */
    private final ReentrantLock oneRun = new ReentrantLock();
    /**
     * Held by whatever moves files, a run or a batch of changed documents filed anew: a run waits for the
     * batch in progress (a second or so) instead of being refused because of it.
     */
    private final ReentrantLock files = new ReentrantLock();
    private final ChangedDocuments changed;
    private volatile boolean stopping;

    /** The filename format lives with consumption; without it nothing is renamed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DocumentNaming naming;

    /** Makes the thumbnails WebP, as consumption does; without it (or cwebp) they are PNG. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile WebpEncoder webp;

    @Activate
    public MediaFilesComponent(@Reference DocumentRepository documents, @Reference MediaStore media,
            @Reference DataFolders folders) throws Exception {
        this.documents = documents;
        this.media = media;
        this.moves = new MediaMoves(media, new MoveJournal(folders.data().resolve("tmp/moves")));
        this.archiveCheckpoint = new Checkpoint(folders.data().resolve("tmp/archiver.last"));
        this.changed = new ChangedDocuments(this::renameChanged);
        moves.recover(documents::find);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addParser(DocumentParser parser, Map<String, Object> properties) {
        parsers.add(parser, properties);
    }

    void removeParser(DocumentParser parser) {
        parsers.remove(parser);
    }

    @Override
    public MaintenanceReport rename(Long documentId, Progress progress) {
        DocumentNaming current = requireNaming();
        return exclusive(() -> new RenameRun(documents, media, moves, current).run(walk(), documentId, progress));
    }

    @Override
    public MaintenanceReport archive(Long documentId, boolean overwrite, Progress progress) {
        return exclusive(() -> new ArchiveRun(documents, media, moves, parsers, pool, width, archiveCheckpoint)
                .run(walk(), documentId, overwrite, progress));
    }

    @Override
    public MaintenanceReport generate(Long documentId, Progress progress) {
        return exclusive(() -> new ThumbnailRun(media, parsers, pool, width, () -> webp).run(walk(), documentId, progress));
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getProperty(DocumentEvents.DOCUMENT_ID) instanceof Long id && !stopping) {
            changed.add(id);
        }
    }

    /** Files changed documents anew, in batches, behind any run in progress. */
    private void renameChanged(List<Long> ids) {
        DocumentNaming current = naming;
        if (current == null || stopping) {
            return;
        }
        files.lock();
        try {
            // Read together: one by one, the reads of a retag's 100,000 changes took a core beside its writes.
            List<Document> batch = documents.findAll(ids);
            if (!batch.isEmpty()) {
                Tally tally = new Tally();
                new RenameRun(documents, media, moves, current).rename(batch, tally);
                tally.report().problems().forEach(p -> LOG.warn("Document {} could not be filed anew: {}",
                        p.documentId(), p.reason()));
            }
        } finally {
            files.unlock();
        }
    }

    private DocumentWalk walk() {
        return new DocumentWalk(documents, () -> stopping);
    }

    private DocumentNaming requireNaming() {
        DocumentNaming current = naming;
        if (current == null) {
            throw new IllegalStateException("Renaming needs the filename format of consumption: the "
                    + "org.paperless.consumer bundle is stopped. See paperless:status.");
        }
        return current;
    }

    @FunctionalInterface
    private interface Work {
        MaintenanceReport run() throws Exception;
    }

    private MaintenanceReport exclusive(Work work) {
        if (!oneRun.tryLock()) {
            throw new IllegalStateException("Another rename, archive or thumbnail run is in progress; try again when it has finished.");
        }
        try {
            files.lockInterruptibly();
        } catch (InterruptedException e) {
            oneRun.unlock();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the files to be free", e);
        }
        try {
            return work.run();
        } catch (CancellationException e) {
            throw new IllegalStateException("The run was stopped because the maintenance bundle stopped; run it again to finish.", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            files.unlock();
            oneRun.unlock();
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stopping = true;
        changed.close();
        pool.shutdownNow();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("Maintenance work was still running 30 s after the bundle stopped");
        }
    }
}
