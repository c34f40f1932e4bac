package org.paperless.commands.internal;

import java.util.List;

import org.paperless.api.Document;
import org.paperless.api.storage.DocumentRepository;

/** One batch of a walk over the documents by id: {@link DocumentRepository#listAfter}. */
@FunctionalInterface
interface DocumentBatches {

    /** Documents with an id above {@code afterId}, ascending, at most {@code limit}. */
    List<Document> after(long afterId, int limit);
}
