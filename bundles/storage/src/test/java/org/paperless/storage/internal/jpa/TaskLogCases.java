package org.paperless.storage.internal.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.persistence.EntityManagerFactory;

import liquibase.resource.ClassLoaderResourceAccessor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperless.api.tasks.TaskRecord;
import org.paperless.storage.internal.migration.LiquibaseMigrations;
import org.paperless.storage.internal.testsupport.DatabaseTestBase;
import org.paperless.storage.internal.testsupport.Engine;
import org.paperless.storage.internal.testsupport.TestPersistenceUnit;

/** The task list on a real database. */
abstract class TaskLogCases extends DatabaseTestBase {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private EntityManagerFactory factory;
    private TaskLogComponent tasks;

    TaskLogCases(Engine engine) {
        super(engine);
    }

    @BeforeEach
    void setUp() throws Exception {
        LiquibaseMigrations migrations = new LiquibaseMigrations(db.dataSource(),
                () -> new ClassLoaderResourceAccessor(getClass().getClassLoader()), LiquibaseMigrations.CHANGELOG);
        migrations.migrateToLatest();
        factory = TestPersistenceUnit.createFactory(db.dataSource());
        tasks = new TaskLogComponent(factory, migrations);
    }

    @AfterEach
    void tearDown() {
        if (factory != null) {
            factory.close();
        }
    }

    private static Instant ago(int minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    @Test
    void recordsEveryFieldAndListsTheNewestFirst() {
        TaskRecord consumed = tasks.record(TaskRecord.consumed("invoice.pdf", ago(12), ago(10), 42));
        TaskRecord refused = tasks.record(TaskRecord.consumeFailed("scan.pdf", ago(9), ago(8),
                "Not consuming scan.pdf: It is a duplicate of invoice (#42)"));
        TaskRecord sanity = tasks.record(TaskRecord.scheduled("sanity-check", ago(30), ago(1), true,
                "120 documents, 360 files read: 0 errors, 0 warnings, 2 infos"));

        assertNotNull(consumed.id());
        List<TaskRecord> all = tasks.list(10, false);
        assertEquals(List.of(sanity.id(), refused.id(), consumed.id()), all.stream().map(TaskRecord::id).toList(),
                "by the time they finished, not started");

        TaskRecord read = all.get(2);
        assertEquals(TaskRecord.Kind.CONSUME, read.kind());
        assertEquals("invoice.pdf", read.name());
        assertEquals(ago(12), read.startedAt());
        assertEquals(ago(10), read.finishedAt());
        assertTrue(read.ok());
        assertEquals(42L, read.documentId());
        assertEquals("Success. New document id 42 created", read.message());
        assertEquals(Duration.ofMinutes(2), read.duration());

        TaskRecord failed = all.get(1);
        assertEquals(false, failed.ok());
        assertNull(failed.documentId());
        assertEquals(TaskRecord.Kind.SCHEDULED, all.get(0).kind());
    }

    @Test
    void listsOnlyFailuresWhenAskedAndNoMoreThanTheLimit() {
        for (int i = 0; i < 5; i++) {
            tasks.record(TaskRecord.consumed("ok-" + i + ".pdf", ago(60 - i), ago(59 - i), i + 1));
            tasks.record(TaskRecord.consumeFailed("bad-" + i + ".pdf", ago(50 - i), ago(49 - i), "no parser"));
        }
        assertEquals(List.of("bad-4.pdf", "bad-3.pdf"), tasks.list(2, true).stream().map(TaskRecord::name).toList());
        assertEquals(5, tasks.list(100, true).size());
        assertEquals(List.of("bad-4.pdf", "bad-3.pdf", "bad-2.pdf"),
                tasks.list(3, false).stream().map(TaskRecord::name).toList());
        assertEquals(10, tasks.list(100, false).size());
        assertThrows(IllegalArgumentException.class, () -> tasks.list(0, false));
    }

    @Test
    void prunesWhatFinishedBeforeTheCutOff() {
        TaskRecord old = tasks.record(TaskRecord.scheduled("empty-trash", NOW.minus(Duration.ofDays(31)),
                NOW.minus(Duration.ofDays(31)), true, "old"));
        TaskRecord border = tasks.record(TaskRecord.scheduled("empty-trash", NOW.minus(Duration.ofDays(31)),
                NOW.minus(Duration.ofDays(30)), true, "finished right at the cut-off"));
        TaskRecord recent = tasks.record(TaskRecord.scheduled("empty-trash", ago(5), ago(4), true, "recent"));

        assertEquals(1, tasks.prune(NOW.minus(Duration.ofDays(30))));

        assertEquals(List.of(recent.id(), border.id()), tasks.list(10, false).stream().map(TaskRecord::id).toList());
        assertTrue(tasks.list(10, false).stream().noneMatch(t -> t.id().equals(old.id())));
        assertEquals(0, tasks.prune(NOW.minus(Duration.ofDays(30))), "nothing more is due");
    }

    @Test
    void cutsOverLongTextAndKeepsWhatADatabaseWouldRefuse() {
        String longName = "a".repeat(1022) + "\uD83D\uDCC4" + ".pdf";
        String message = "bad byte \0 in " + "x".repeat(5000);
        TaskRecord stored = tasks.record(TaskRecord.consumeFailed(longName, ago(2), ago(1), message));

        TaskRecord read = tasks.list(1, false).get(0);
        assertEquals(stored, read);
        assertEquals("a".repeat(1022) + "…", read.name(), "the emoji is not cut in half");
        assertEquals(4000, read.message().length());
        assertTrue(read.message().startsWith("bad byte \uFFFD in xxx"), read.message().substring(0, 20));
        assertTrue(read.message().endsWith("x…"));
    }

    @Test
    void refusesARecordThatAlreadyHasAnId() {
        TaskRecord stored = tasks.record(TaskRecord.scheduled("index-optimize", ago(2), ago(1), true, "1 segment"));
        assertThrows(IllegalArgumentException.class, () -> tasks.record(stored));
        assertEquals(1, tasks.list(10, false).size());
    }
}
