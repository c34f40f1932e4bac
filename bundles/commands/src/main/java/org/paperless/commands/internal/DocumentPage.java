package org.paperless.commands.internal;

import java.util.ArrayList;
import java.util.List;

import org.paperless.api.Document;

/**
 * One page of the documents that pass a filter, by id, and how many pass in all. The database cannot filter by
 * names of tags and the like through the API, so the walk reads every document, one batch at a time, and
 * keeps only the page; the search index could answer faster but may lag behind or be stopped.
 *
 * @param documents the page
 * @param total how many documents pass the filter, on this page, before it and after it
 */
record DocumentPage(List<Document> documents, long total) {

    static final int BATCH = 500;

    static DocumentPage walk(DocumentBatches batches, DocumentFilter filter, int offset, int limit) {
        List<Document> page = new ArrayList<>();
        long total = 0;
        long after = 0;
        for (List<Document> batch = batches.after(after, BATCH); !batch.isEmpty(); batch = batches.after(after, BATCH)) {
            for (Document d : batch) {
                if (filter.test(d)) {
                    if (total >= offset && page.size() < limit) {
                        page.add(d);
                    }
                    total++;
                }
            }
            after = batch.get(batch.size() - 1).id();
        }
        return new DocumentPage(page, total);
    }

    /** How many pass after this page, which started at {@code offset}. */
    long after(int offset) {
        return Math.max(0, total - offset - documents.size());
    }
}
