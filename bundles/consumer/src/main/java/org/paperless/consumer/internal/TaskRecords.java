package org.paperless.consumer.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;

import org.paperless.api.tasks.TaskLog;
import org.paperless.api.tasks.TaskRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Each consumed file in the task list (paperless:tasks), when storage offers one; never fails a consumption. */
final class TaskRecords {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRecords.class);

    private final Supplier<TaskLog> log;

    TaskRecords(Supplier<TaskLog> log) {
        this.log = log;
    }

    void stored(Path source, Instant started, long documentId) {
        record(source, TaskRecord.consumed(name(source), started, Instant.now(), documentId));
    }

    void refused(Path source, Instant started, String reason) {
        record(source, TaskRecord.consumeFailed(name(source), started, Instant.now(), reason));
    }

    private void record(Path source, TaskRecord task) {
        TaskLog current = log.get();
        if (current == null) {
            return;
        }
        try {
            current.record(task);
        } catch (RuntimeException e) {
            LOG.warn("{} is not in the task list: {}", source.getFileName(), e.toString());
        }
    }

    private static String name(Path source) {
        return source.getFileName() == null ? source.toString() : source.getFileName().toString();
    }
}
