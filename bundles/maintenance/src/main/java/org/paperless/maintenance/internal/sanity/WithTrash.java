package org.paperless.maintenance.internal.sanity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.paperless.api.Document;

/**
 * The stored documents and those in the trash, in one walk by id: a trashed document keeps its files until
 * the trash is emptied, so they are checked too and are no orphans.
 */
final class WithTrash implements BatchSource {

    private final BatchSource live;
    private final List<Document> trashed;

    /** @param trashed the documents in the trash (a trash is small enough to hold) */
    WithTrash(BatchSource live, List<Document> trashed) {
        this.live = live;
        this.trashed = trashed.stream().sorted(Comparator.comparing(Document::id)).toList();
    }

    @Override
    public List<Document> after(long afterId) {
        List<Document> batch = live.after(afterId);
        long upTo = batch.isEmpty() ? Long.MAX_VALUE : batch.get(batch.size() - 1).id();
        List<Document> merged = new ArrayList<>(batch);
        for (Document d : trashed) {
            if (d.id() > afterId && d.id() <= upTo) {
                merged.add(d);
            }
        }
        merged.sort(Comparator.comparing(Document::id));
        return merged;
    }
}
