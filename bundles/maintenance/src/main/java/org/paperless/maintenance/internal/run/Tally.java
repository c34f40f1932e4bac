package org.paperless.maintenance.internal.run;

import java.util.ArrayList;
import java.util.List;

import org.paperless.api.maintenance.MaintenanceReport;

/** Counts of a run over the documents, made into its report at the end. Not thread-safe: one per run. */
public final class Tally {

    private long documents;
    private long changed;
    private long unchanged;
    private final List<MaintenanceReport.Problem> problems = new ArrayList<>();

    public void changed() {
        documents++;
        changed++;
    }

    public void unchanged() {
        documents++;
        unchanged++;
    }

    public void problem(long documentId, String reason) {
        documents++;
        problems.add(new MaintenanceReport.Problem(documentId, reason));
    }

    public long done() {
        return documents;
    }

    public MaintenanceReport report() {
        return new MaintenanceReport(documents, changed, unchanged, problems);
    }
}
