package org.paperless.api.maintenance;

import java.util.List;

/**
 * How a run over the documents ended.
 *
 * @param documents the documents looked at
 * @param changed the documents whose files or records were changed
 * @param unchanged the documents that needed nothing
 * @param problems the documents that could not be done, each with its reason; they are tried again next run
 */
public record MaintenanceReport(long documents, long changed, long unchanged, List<Problem> problems) {

    public MaintenanceReport {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** A document that could not be done. */
    public record Problem(long documentId, String reason) {
    }
}
