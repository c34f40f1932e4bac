package org.paperless.api.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One task that ran in the background.
 *
 * @param id the database's, null before it is recorded
 * @param kind what sort of work it was
 * @param name the consumed file's name, or the schedule's name (such as {@code sanity-check})
 * @param startedAt when the work began
 * @param finishedAt when it ended, not before {@code startedAt}
 * @param ok whether it ended well (a skipped scheduled run counts as ok)
 * @param documentId the document a consumption stored, else null
 * @param message the outcome in a line: the refusal reason, the scheduled run's result
 */
public record TaskRecord(Long id, Kind kind, String name, Instant startedAt, Instant finishedAt, boolean ok,
        Long documentId, String message) {

    /** What sort of work a task was. */
    public enum Kind {
        /** A file taken from the consume folder, the console or a mail. */
        CONSUME,
        /** A run of a scheduled job. */
        SCHEDULED
    }

    public TaskRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (finishedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("a task cannot finish (" + finishedAt + ") before it starts (" + startedAt + ")");
        }
        message = message == null ? "" : message;
    }

    /** A file consumed into a new document. */
    public static TaskRecord consumed(String fileName, Instant startedAt, Instant finishedAt, long documentId) {
        return new TaskRecord(null, Kind.CONSUME, fileName, startedAt, finishedAt, true, documentId,
                "Success. New document id " + documentId + " created");
    }

    /** A file that was not consumed, and why (a duplicate, no parser, a parse error). */
    public static TaskRecord consumeFailed(String fileName, Instant startedAt, Instant finishedAt, String reason) {
        return new TaskRecord(null, Kind.CONSUME, fileName, startedAt, finishedAt, false, null, reason);
    }

    /** A run of a scheduled job. */
    public static TaskRecord scheduled(String name, Instant startedAt, Instant finishedAt, boolean ok, String message) {
        return new TaskRecord(null, Kind.SCHEDULED, name, startedAt, finishedAt, ok, null, message);
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /** The same task as stored under this id. */
    public TaskRecord withId(long newId) {
        return new TaskRecord(newId, kind, name, startedAt, finishedAt, ok, documentId, message);
    }
}
