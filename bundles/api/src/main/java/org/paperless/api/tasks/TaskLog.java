package org.paperless.api.tasks;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The task list: one record per consumed file and per scheduled run, newest first. Offered by storage;
 * a write fails with an unchecked exception when the database cannot be reached, so a caller whose own
 * work succeeded catches it and logs it rather than failing that work.
 */
@ProviderType
public interface TaskLog {

    /** Stores a finished task (its id null); returns it with its id. Over-long names and messages are cut. */
    TaskRecord record(TaskRecord task);

    /**
     * The newest tasks first (by the time they finished).
     *
     * @param limit at most this many, 1 or more
     * @param failedOnly only the tasks that did not end well
     */
    List<TaskRecord> list(int limit, boolean failedOnly);

    /** Removes the tasks that finished before {@code olderThan}; returns how many. */
    int prune(Instant olderThan);
}
