package org.paperless.maintenance.internal.sanity;

import java.util.List;

import org.paperless.api.Document;

/** The documents with an id above {@code afterId}, ascending, one batch at a time; empty at the end. */
@FunctionalInterface
interface BatchSource {

    List<Document> after(long afterId);
}
