package org.paperless.maintenance.internal.sanity;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.paperless.api.backup.Progress;
import org.paperless.api.maintenance.SanityChecker;
import org.paperless.api.maintenance.SanityMessage.Level;
import org.paperless.api.maintenance.SanityReport;
import org.paperless.api.storage.DataFolders;
import java.util.List;

import org.paperless.api.Document;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.MediaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** paperless-ngx's document_sanity_checker over the stored documents and the media folder. */
@Component(service = SanityChecker.class)
public class SanityCheckerComponent implements SanityChecker {

    private static final Logger LOG = LoggerFactory.getLogger(SanityCheckerComponent.class);

    /** Complete documents (notes, custom fields) per database read; two batches are held at once. */
    static final int BATCH = 250;

    private final DocumentRepository documents;
    private final MediaStore mediaStore;
    private final DataFolders folders;
    /**
     * Hashing is bound by the disk and the CPU in turns: two threads per core, so that while one waits for
     * its file to come from the disk another hashes (with a cold page cache one per core left both idle a
     * third of the time). Each holds a 64 KB buffer.
     */
    private final ExecutorService pool;

    @Activate
    public SanityCheckerComponent(@Reference DocumentRepository documents, @Reference MediaStore mediaStore,
            @Reference DataFolders folders) {
        this.documents = documents;
        this.mediaStore = mediaStore;
        this.folders = folders;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(2 * Runtime.getRuntime().availableProcessors(), r -> {
            Thread thread = new Thread(r, "paperless-sanity-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public SanityReport check(Progress progress) {
        long started = System.nanoTime();
        MediaLayout media = new MediaLayout(folders.media(), mediaStore::resolve);
        List<Document> trashed = documents.trash().stream().map(DocumentRepository.Trashed::document).toList();
        BatchSource all = new WithTrash(after -> documents.listAfter(after, BATCH), trashed);
        SanityReport report = new SanityCheck(media, pool).run(all, documents.count() + trashed.size(),
                progress == null ? Progress.NONE : progress);
        LOG.info("Sanity check: {} documents, {} files read in {} ms: {} errors, {} warnings, {} infos",
                report.documents(), report.files(), (System.nanoTime() - started) / 1_000_000,
                report.count(Level.ERROR), report.count(Level.WARNING), report.count(Level.INFO));
        return report;
    }

    @Deactivate
    void deactivate() {
        pool.shutdownNow();
    }
}
