package org.paperless.maintenance.internal.schedule;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.paperless.api.tasks.TaskLog;
import org.paperless.api.tasks.TaskRecord;

/** A task list in memory with the contract of the storage one (tested on Derby and PostgreSQL there). */
final class ListTaskLog implements TaskLog {

    private final List<TaskRecord> tasks = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public TaskRecord record(TaskRecord task) {
        if (task.id() != null) {
            throw new IllegalArgumentException("recorded once");
        }
        TaskRecord stored = task.withId(ids.incrementAndGet());
        tasks.add(stored);
        return stored;
    }

    @Override
    public List<TaskRecord> list(int limit, boolean failedOnly) {
        return tasks.stream().filter(t -> !failedOnly || !t.ok())
                .sorted(Comparator.comparing(TaskRecord::finishedAt).thenComparing(TaskRecord::id).reversed())
                .limit(limit).toList();
    }

    @Override
    public int prune(Instant olderThan) {
        List<TaskRecord> old = tasks.stream().filter(t -> t.finishedAt().isBefore(olderThan)).toList();
        tasks.removeAll(old);
        return old.size();
    }

    List<TaskRecord> all() {
        return List.copyOf(tasks);
    }
}
