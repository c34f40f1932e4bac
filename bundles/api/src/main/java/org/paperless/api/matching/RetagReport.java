package org.paperless.api.matching;

import java.util.List;

/**
 * @param examined documents looked at
 * @param changes one line per field that changed (or would change, with suggest)
 */
public record RetagReport(long examined, List<Change> changes) {

    public RetagReport {
        changes = List.copyOf(changes);
    }

    /** One field of one document; names of the objects, empty for none. */
    public record Change(long documentId, String title, String field, String before, String after) {
    }
}
