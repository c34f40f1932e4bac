package org.paperless.api.consumer;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.Document;

/**
 * Turns a file into a stored document: detects its type from its bytes, parses it, refuses
 * duplicates, stores its files and its row, then removes the source. A refused file is moved to the
 * consume folder's {@code failed/} with a {@code .reason.txt} beside it; it is never deleted.
 */
@ProviderType
public interface DocumentConsumer {

    /**
     * @throws ConsumptionException when the file is refused or cannot be consumed; the source file is
     *         then in {@code failed/} (see {@link ConsumptionException#keptAt()})
     */
    Document consume(Path file, ConsumeOverrides overrides);
}
