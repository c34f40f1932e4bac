package org.paperless.maintenance.internal.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.paperless.api.tasks.TaskLog;
import org.paperless.api.tasks.TaskRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduled job as Karaf's scheduler runs it (a Runnable service): runs its work, never two at once,
 * logs the outcome and records it in the task list. Runs on the scheduler's threads.
 */
final class ScheduledJob implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJob.class);

    private final Schedule schedule;
    private final Callable<Outcome> work;
    private final Supplier<TaskLog> taskLog;
    private final Clock clock;
    /** The scheduler already keeps one job from overlapping; this also covers a job rescheduled mid-run. */
    private final AtomicBoolean running = new AtomicBoolean();

    ScheduledJob(Schedule schedule, Callable<Outcome> work, Supplier<TaskLog> taskLog, Clock clock) {
        this.schedule = schedule;
        this.work = work;
        this.taskLog = taskLog;
        this.clock = clock;
    }

    Schedule schedule() {
        return schedule;
    }

    @Override
    public void run() {
        runNow();
    }

    /** @return how the run ended; empty when the previous run is still going (then nothing runs) */
    Optional<Outcome> runNow() {
        if (!running.compareAndSet(false, true)) {
            LOG.info("Scheduled {}: the previous run is still going, this one is left out", schedule.jobName);
            return Optional.empty();
        }
        try {
            Instant started = clock.instant();
            Outcome outcome = outcome();
            log(outcome);
            record(TaskRecord.scheduled(schedule.jobName, started, clock.instant(), outcome.ok(), outcome.line()));
            return Optional.of(outcome);
        } finally {
            running.set(false);
        }
    }

    private Outcome outcome() {
        try {
            return work.call();
        } catch (Exception e) {
            LOG.debug("Scheduled {} failed", schedule.jobName, e);
            return Outcome.failed(e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage());
        }
    }

    private void log(Outcome outcome) {
        switch (outcome.status()) {
            case DONE -> LOG.info("Scheduled {}: {}", schedule.jobName, outcome.message());
            case SKIPPED -> LOG.info("Scheduled {} skipped: {}", schedule.jobName, outcome.message());
            case FAILED -> LOG.warn("Scheduled {} failed: {}", schedule.jobName, outcome.message());
        }
    }

    private void record(TaskRecord task) {
        TaskLog log = taskLog.get();
        if (log == null) {
            LOG.info("Scheduled {} is not in the task list: storage is not available", schedule.jobName);
            return;
        }
        try {
            log.record(task);
        } catch (RuntimeException e) {
            LOG.warn("Scheduled {} could not be added to the task list: {}", schedule.jobName, e.toString());
        }
    }
}
