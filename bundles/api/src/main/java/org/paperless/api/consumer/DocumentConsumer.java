package org.paperless.api.consumer;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

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

    /**
     * Files given at once: read side by side as the consumer's pool allows, stored in the order given. Each
     * file's outcome is reported in that order, on the calling thread, as soon as it and those before it are
     * known. One refused file never stops the others.
     */
    default void consumeAll(List<Path> files, ConsumeOverrides overrides, Consumer<Outcome> each)
            throws InterruptedException {
        consumeEach(files.stream().map(file -> new Request(file, overrides)).toList(), each);
    }

    /**
     * As {@link #consumeAll}, each file with its own overrides: read side by side as the consumer's pool
     * allows, stored in the order given, each outcome reported in that order on the calling thread. One
     * refused file never stops the others.
     */
    default void consumeEach(List<Request> requests, Consumer<Outcome> each) throws InterruptedException {
        for (Request request : requests) {
            try {
                each.accept(new Outcome(request.file(), consume(request.file(), request.overrides()), null));
            } catch (ConsumptionException e) {
                each.accept(new Outcome(request.file(), null, e));
            }
        }
    }

    /** One file to consume, with the overrides for its document. */
    record Request(Path file, ConsumeOverrides overrides) {
    }

    /** What became of one file: its document, or why it was not consumed. */
    record Outcome(Path file, Document document, ConsumptionException failure) {
    }
}
