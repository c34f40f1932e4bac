package org.paperless.maintenance.internal.run;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.paperless.api.Document;
import org.paperless.api.storage.DocumentRepository;

/** Every document (or one) in batches by id, so that memory does not grow with the collection. */
public final class DocumentWalk {

    public static final int BATCH = 100;

    /** Handles one batch of documents. */
    @FunctionalInterface
    public interface BatchStep {
        void accept(List<Document> batch) throws Exception;
    }

    private final DocumentRepository documents;
    private final BooleanSupplier stopping;

    public DocumentWalk(DocumentRepository documents, BooleanSupplier stopping) {
        this.documents = documents;
        this.stopping = stopping;
    }

    /** The number of documents a walk over {@code documentId} (null = all) goes through. */
    public long total(Long documentId) {
        return documentId == null ? documents.count() : 1;
    }

    /**
     * @param afterId start after this id (a run that resumes), 0 for all
     * @throws CancellationException when the bundle stops during the walk
     */
    public void walk(Long documentId, long afterId, BatchStep step) throws Exception {
        if (documentId != null) {
            step.accept(List.of(documents.get(documentId)));
            return;
        }
        long after = afterId;
        for (List<Document> batch = documents.listAfter(after, BATCH); !batch.isEmpty();
                batch = documents.listAfter(after, BATCH)) {
            if (stopping.getAsBoolean()) {
                throw new CancellationException("stopped: the maintenance bundle is stopping");
            }
            step.accept(batch);
            after = batch.get(batch.size() - 1).id();
        }
    }
}
