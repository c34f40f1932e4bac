package org.paperless.maintenance.internal.schedule;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.paperless.api.maintenance.SanityMessage;
import org.paperless.api.maintenance.SanityMessage.Level;
import org.paperless.api.maintenance.SanityReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scheduled sanity check's result: the counts and the worst findings in the task list, more of them in
 * the log. As in paperless-ngx, errors fail the run, warnings do not. paperless:sanity shows every finding.
 */
final class SanitySummary {

    private static final Logger LOG = LoggerFactory.getLogger(SanitySummary.class);

    /** Findings quoted in the task list, the worst first. */
    static final int IN_TASK_LIST = 5;
    /** Findings written to the log, the worst first. */
    static final int IN_LOG = 20;

    private SanitySummary() {
    }

    static Outcome of(SanityReport report) {
        List<SanityMessage> worst = report.messages().stream()
                .sorted(Comparator.comparing(SanityMessage::level)).toList();
        for (SanityMessage m : worst.subList(0, Math.min(IN_LOG, worst.size()))) {
            switch (m.level()) {
                case ERROR -> LOG.error("Sanity check: {}: {}", subject(m), m.message());
                case WARNING -> LOG.warn("Sanity check: {}: {}", subject(m), m.message());
                case INFO -> LOG.info("Sanity check: {}: {}", subject(m), m.message());
            }
        }
        StringBuilder line = new StringBuilder().append(Jobs.count(report.documents(), "document")).append(" checked, ")
                .append(Jobs.count(report.files(), "file")).append(" read: ")
                .append(Jobs.count(report.count(Level.ERROR), "error")).append(", ")
                .append(Jobs.count(report.count(Level.WARNING), "warning")).append(", ")
                .append(Jobs.count(report.count(Level.INFO), "info"));
        if (!worst.isEmpty()) {
            line.append(". ").append(worst.stream().limit(IN_TASK_LIST)
                    .map(m -> subject(m) + " " + m.level() + ": " + m.message()).collect(Collectors.joining("; ")));
            if (worst.size() > IN_TASK_LIST) {
                line.append("; and ").append(worst.size() - IN_TASK_LIST).append(" more (paperless:sanity shows them)");
            }
        }
        String text = line.toString();
        return report.count(Level.ERROR) == 0 ? Outcome.done(text) : Outcome.failed(text);
    }

    private static String subject(SanityMessage m) {
        return m.documentId() == null ? "(global)" : "#" + m.documentId();
    }
}
