package org.paperless.consumer.internal;

import java.nio.file.Path;

import org.paperless.api.Document;
import org.paperless.api.consumer.ConsumeOverrides;

/** Consumption of a file the consume folder watcher found; a service private to this bundle. */
public interface FolderConsumer {

    /**
     * Like {@link org.paperless.api.consumer.DocumentConsumer#consume}, but only while the file is still
     * the one the scan saw.
     *
     * @throws FileChangedException when it is not (replaced, grown, swapped for a link); it is left in place
     * @throws org.paperless.api.consumer.ConsumptionException when it was refused; it is in failed/ then
     */
    Document consumeFound(Path file, FileIdentity seen, ConsumeOverrides overrides);

    /** Why consumption is held now (an import runs, the consumer restarts), or null when it is not. */
    String pausedFor();
}
