package org.paperless.consumer.internal;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.paperless.api.Document;
import org.paperless.api.consumer.ConsumeOverrides;

/** Consumption of files the consume folder watcher found; a service private to this bundle. */
public interface FolderConsumer {

    /**
     * Like {@link org.paperless.api.consumer.DocumentConsumer#consume}, but only while the file is still
     * the one the scan saw.
     *
     * @throws FileChangedException when it is not (replaced, grown, swapped for a link); it is left in place
     * @throws org.paperless.api.consumer.ConsumptionException when it was refused; it is in failed/ then
     */
    Document consumeFound(Path file, FileIdentity seen, ConsumeOverrides overrides);

    /** For a source of files whose documents are stored in the order the files are handed in. */
    ArrivalOrder newArrivalOrder();

    /**
     * {@link #consumeFound} on the consumer's own threads, beside other files; the documents of one order
     * are stored in the order of these calls, which one thread makes. Waits while the order has as many
     * files in flight as the consumer takes ahead.
     *
     * @return the document, or the exception {@link #consumeFound} would throw
     */
    CompletableFuture<Document> submit(ArrivalOrder order, Path file, FileIdentity seen, ConsumeOverrides overrides)
            throws InterruptedException;

    /** Why consumption is held now (an import runs, the consumer restarts), or null when it is not. */
    String pausedFor();
}
