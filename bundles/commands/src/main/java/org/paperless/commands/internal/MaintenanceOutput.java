package org.paperless.commands.internal;

import org.paperless.api.maintenance.MaintenanceReport;

/** The end of a maintenance run: a table of the documents that could not be done, then one summary line. */
final class MaintenanceOutput {

    private MaintenanceOutput() {
    }

    /** @throws IllegalStateException after printing, when a document could not be done (exit status non-zero) */
    static void print(MaintenanceReport report, String changedWord, boolean noFormat) {
        if (!report.problems().isEmpty()) {
            Table table = new Table().rightColumn("Document").wideColumn("Problem", 120);
            report.problems().forEach(p -> table.row(p.documentId(), p.reason()));
            table.print(System.out, noFormat);
        }
        String summary = String.format("%d documents: %d %s, %d unchanged, %d failed", report.documents(),
                report.changed(), changedWord, report.unchanged(), report.problems().size());
        if (!report.ok()) {
            throw new IllegalStateException(summary + " (the failed ones are left as they were; run again once fixed)");
        }
        System.out.println(summary);
    }
}
