package org.paperless.mail.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.paperless.api.tasks.TaskLog;
import org.paperless.api.tasks.TaskRecord;

/** The task list in memory. */
final class ListTaskLog implements TaskLog {

    private final List<TaskRecord> tasks = new ArrayList<>();

    @Override
    public synchronized TaskRecord record(TaskRecord task) {
        TaskRecord stored = task.withId(tasks.size() + 1);
        tasks.add(stored);
        return stored;
    }

    @Override
    public synchronized List<TaskRecord> list(int limit, boolean failedOnly) {
        return tasks.stream().filter(t -> !failedOnly || !t.ok()).limit(limit).toList();
    }

    @Override
    public synchronized int prune(Instant olderThan) {
        int before = tasks.size();
        tasks.removeIf(t -> t.finishedAt().isBefore(olderThan));
        return before - tasks.size();
    }

    synchronized List<TaskRecord> all() {
        return new ArrayList<>(tasks);
    }
}
