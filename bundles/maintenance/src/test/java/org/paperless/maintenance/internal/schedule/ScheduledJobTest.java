package org.paperless.maintenance.internal.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.karaf.scheduler.Scheduler;
import org.junit.jupiter.api.Test;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailFetcher;
import org.paperless.api.mail.MailFetcher.FetchReport;
import org.paperless.api.matching.DocumentClassifier;
import org.paperless.api.matching.Matches;
import org.paperless.api.tasks.TaskRecord;

class ScheduledJobTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T00:30:00Z"), ZoneOffset.UTC);

    private final ListTaskLog taskLog = new ListTaskLog();

    private ScheduledJob job(Schedule schedule, Callable<Outcome> work) {
        return new ScheduledJob(schedule, work, () -> taskLog, CLOCK);
    }

    /** A classifier whose training takes the given course. */
    private static DocumentClassifier classifier(Supplier<DocumentClassifier.TrainingResult> training) {
        return new DocumentClassifier() {
            @Override
            public TrainingResult train(boolean force) {
                return training.get();
            }

            @Override
            public Matches predict(String content) {
                return Matches.NONE;
            }
        };
    }

    @Test
    void everyJobIsSkippedNotFailedWhenItsServiceIsAbsent() {
        List<ScheduledJob> jobs = List.of(
                job(Schedule.CLASSIFIER_TRAIN, Jobs.trainClassifier(() -> null)),
                job(Schedule.INDEX_OPTIMIZE, Jobs.optimizeIndex(() -> null)),
                job(Schedule.SANITY_CHECK, Jobs.sanityCheck(() -> null)),
                job(Schedule.EMPTY_TRASH, Jobs.emptyTrash(() -> null)),
                job(Schedule.TASK_LOG_PRUNE, Jobs.pruneTaskLog(() -> null, () -> Duration.ofDays(30), CLOCK)),
                job(Schedule.MAIL_FETCH, Jobs.fetchMail(() -> null)));
        for (ScheduledJob job : jobs) {
            Outcome outcome = job.runNow().orElseThrow();
            assertEquals(Outcome.Status.SKIPPED, outcome.status(), job.schedule()::toString);
            assertTrue(outcome.ok());
        }
        List<TaskRecord> recorded = taskLog.all();
        assertEquals(List.of("classifier-train", "index-optimize", "sanity-check", "empty-trash", "task-log-prune",
                "mail-fetch"),
                recorded.stream().map(TaskRecord::name).toList());
        assertTrue(recorded.stream().allMatch(t -> t.ok() && t.kind() == TaskRecord.Kind.SCHEDULED
                && t.message().startsWith("Skipped: ") && t.documentId() == null));
        assertEquals("Skipped: the search index is not available (org.paperless.index.lucene is stopped)",
                recorded.get(1).message());
    }

    @Test
    void aRunThatWorksIsRecordedWithItsResult() {
        job(Schedule.CLASSIFIER_TRAIN, Jobs.trainClassifier(() -> classifier(
                () -> new DocumentClassifier.TrainingResult(true, 120, 850, "120 documents, 900 terms, 4 models")))).run();

        TaskRecord task = taskLog.all().get(0);
        assertTrue(task.ok());
        assertEquals("Trained: 120 documents, 900 terms, 4 models (850 ms)", task.message());
        assertEquals(CLOCK.instant(), task.startedAt());
        assertEquals(CLOCK.instant(), task.finishedAt());
    }

    /** A fetcher that answers with the given report, or throws. */
    private static MailFetcher fetcher(Callable<MailFetcher.FetchReport> answer) {
        return new MailFetcher() {
            @Override
            public FetchReport fetch(String account) throws InterruptedException {
                try {
                    return answer.call();
                } catch (InterruptedException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public List<String> test(MailAccount account) {
                return List.of();
            }
        };
    }

    @Test
    void theMailFetchRecordsWhatCameInAndWhatFailedAndIsSkippedWhileAnotherRuns() {
        Outcome fine = job(Schedule.MAIL_FETCH, Jobs.fetchMail(() -> fetcher(() -> new MailFetcher.FetchReport(List.of(
                new MailFetcher.AccountResult("home", 3, 4, 0, null)))))).runNow().orElseThrow();
        assertEquals(Outcome.done("3 mails consumed (4 documents) from 1 account"), fine);

        Outcome bad = job(Schedule.MAIL_FETCH, Jobs.fetchMail(() -> fetcher(() -> new MailFetcher.FetchReport(List.of(
                new MailFetcher.AccountResult("home", 1, 1, 2, null),
                new MailFetcher.AccountResult("work", 0, 0, 0, "Login as 'me' at imap.example.com:993 failed")))))).runNow()
                .orElseThrow();
        assertEquals(Outcome.failed("1 mail consumed (1 document) from 2 accounts; home: 2 mails failed, left for the next"
                + " fetch; work: Login as 'me' at imap.example.com:993 failed"), bad);

        Outcome busy = job(Schedule.MAIL_FETCH, Jobs.fetchMail(() -> fetcher(() -> {
            throw new IllegalStateException("A mail fetch is already running");
        }))).runNow().orElseThrow();
        assertEquals(Outcome.skipped("A mail fetch is already running"), busy);
        assertTrue(busy.ok());
    }

    @Test
    void aRunThatThrowsIsRecordedAsFailedWithTheReason() {
        ScheduledJob job = job(Schedule.CLASSIFIER_TRAIN, Jobs.trainClassifier(() -> classifier(() -> {
            throw new IllegalStateException("The classifier was trained but cannot be saved: disk full");
        })));
        assertEquals(Optional.of(Outcome.failed("The classifier was trained but cannot be saved: disk full")), job.runNow());

        TaskRecord task = taskLog.all().get(0);
        assertFalse(task.ok());
        assertEquals("The classifier was trained but cannot be saved: disk full", task.message());
        assertEquals(1, taskLog.list(10, true).size());
    }

    @Test
    void theTaskListPrunesItselfByTheConfiguredAge() {
        Instant now = CLOCK.instant();
        taskLog.record(TaskRecord.scheduled("empty-trash", now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(40)), true, ""));
        taskLog.record(TaskRecord.scheduled("empty-trash", now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(10)), true, ""));

        Outcome outcome = job(Schedule.TASK_LOG_PRUNE, Jobs.pruneTaskLog(() -> taskLog, () -> Duration.ofDays(30), CLOCK))
                .runNow().orElseThrow();

        assertEquals(Outcome.done("Removed 1 task older than 30 days"), outcome);
        assertEquals(2, taskLog.all().size(), "the ten-day-old task and the pruning run itself");
    }

    @Test
    void aRunWithoutATaskListStillRuns() {
        AtomicInteger runs = new AtomicInteger();
        ScheduledJob job = new ScheduledJob(Schedule.INDEX_OPTIMIZE, () -> {
            runs.incrementAndGet();
            return Outcome.done("done");
        }, () -> null, CLOCK);
        assertEquals(Optional.of(Outcome.done("done")), job.runNow());
        assertEquals(1, runs.get());
    }

    @Test
    void aRunNeverOverlapsTheOneBeforeIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        ScheduledJob job = job(Schedule.SANITY_CHECK, () -> {
            runs.incrementAndGet();
            started.countDown();
            assertTrue(release.await(10, TimeUnit.SECONDS));
            return Outcome.done("checked");
        });
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<Outcome>> first = other.submit(job::runNow);
            assertTrue(started.await(10, TimeUnit.SECONDS));

            assertEquals(Optional.empty(), job.runNow(), "left out while the first one runs");
            release.countDown();
            assertEquals(Optional.of(Outcome.done("checked")), first.get(10, TimeUnit.SECONDS));
            assertEquals(Optional.of(Outcome.done("checked")), job.runNow(), "runs again once the first one is done");
        } finally {
            other.shutdownNow();
        }
        assertEquals(2, runs.get());
        assertEquals(2, taskLog.all().size(), "the run left out is not a run");
    }

    @Test
    void theSchedulerSeesACronExpressionAndNoConcurrency() {
        Map<String, Object> properties = new HashMap<>();
        var dictionary = JobProperties.of(Schedule.SANITY_CHECK, "0 30 0 ? * 1");
        for (var keys = dictionary.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            properties.put(key, dictionary.get(key));
        }
        assertEquals(Map.of(Scheduler.PROPERTY_SCHEDULER_EXPRESSION, "0 30 0 ? * 1",
                Scheduler.PROPERTY_SCHEDULER_CONCURRENT, Boolean.FALSE,
                Scheduler.PROPERTY_SCHEDULER_NAME, "paperless-sanity-check"), properties);
        assertEquals("scheduler.expression", Scheduler.PROPERTY_SCHEDULER_EXPRESSION);
    }
}
