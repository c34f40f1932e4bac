package org.paperless.maintenance.internal.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ScheduleSettingsTest {

    private static ScheduleSettings read(Map<String, String> config, Map<String, String> env) {
        return ScheduleSettings.from(TestSchedulesConfig.of(config), env::get);
    }

    @Test
    void withNothingSetEveryJobRunsOnPaperlessNgxsSchedule() {
        ScheduleSettings settings = read(Map.of(), Map.of());
        assertEquals(Map.of(Schedule.CLASSIFIER_TRAIN, "0 5 * * * ?", Schedule.INDEX_OPTIMIZE, "0 0 0 * * ?",
                Schedule.SANITY_CHECK, "0 30 0 ? * 1", Schedule.EMPTY_TRASH, "0 0 1 * * ?",
                Schedule.TASK_LOG_PRUNE, "0 30 1 * * ?", Schedule.MAIL_FETCH, "0 0/10 * * * ?"), settings.cron());
        assertEquals(Duration.ofDays(30), settings.taskLogKept());
    }

    @Test
    void theVariablesComeBeforeTheDefaultsAndTheKeysBeforeTheVariables() {
        ScheduleSettings settings = read(Map.of("indexCron", "0 0 4 * * ?", "sanityCron", " "),
                Map.of("PAPERLESS_INDEX_TASK_CRON", "0 2 * * *", "PAPERLESS_SANITY_TASK_CRON", "0 3 1 * *",
                        "PAPERLESS_TRAIN_TASK_CRON", "*/30 * * * *"));
        assertEquals(Optional.of("0 0 4 * * ?"), settings.quartz(Schedule.INDEX_OPTIMIZE), "the key, in Quartz's form");
        assertEquals(Optional.of("0 0 3 1 * ?"), settings.quartz(Schedule.SANITY_CHECK), "a blank key is not set");
        assertEquals(Optional.of("0 0,30 * * * ?"), settings.quartz(Schedule.CLASSIFIER_TRAIN));
        assertEquals(Optional.of("0 0 1 * * ?"), settings.quartz(Schedule.EMPTY_TRASH));
    }

    @Test
    void disableTurnsOneJobOff() {
        ScheduleSettings settings = read(Map.of("taskLogPruneCron", "disable"),
                Map.of("PAPERLESS_TRAIN_TASK_CRON", "disable", "PAPERLESS_EMPTY_TRASH_TASK_CRON", "DISABLE"));
        assertEquals(Optional.empty(), settings.quartz(Schedule.CLASSIFIER_TRAIN));
        assertEquals(Optional.empty(), settings.quartz(Schedule.EMPTY_TRASH));
        assertEquals(Optional.empty(), settings.quartz(Schedule.TASK_LOG_PRUNE));
        assertEquals(3, settings.cron().size());
        assertEquals(Optional.of("0 30 0 ? * 1"), settings.quartz(Schedule.SANITY_CHECK));
    }

    @Test
    void mailIsFetchedEveryTenMinutesUnlessPaperlessNgxsVariableOrTheKeySaysOtherwise() {
        assertEquals(Optional.of("0 0/5 * * * ?"), read(Map.of(), Map.of("PAPERLESS_EMAIL_TASK_CRON", "*/5 * * * *"))
                .quartz(Schedule.MAIL_FETCH));
        assertEquals(Optional.empty(), read(Map.of("mailCron", "disable"), Map.of()).quartz(Schedule.MAIL_FETCH));
    }

    @Test
    void theKeyCanSwitchBackOnWhatTheVariableSwitchedOff() {
        ScheduleSettings settings = read(Map.of("trainCron", "0 * * * *"), Map.of("PAPERLESS_TRAIN_TASK_CRON", "disable"));
        assertEquals(Optional.of("0 0 * * * ?"), settings.quartz(Schedule.CLASSIFIER_TRAIN));
    }

    @Test
    void aScheduleThatCannotBeReadNamesTheVariableAndTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of(), Map.of("PAPERLESS_SANITY_TASK_CRON", "30 0 * * sunday-ish")));
        assertTrue(e.getMessage().startsWith("PAPERLESS_SANITY_TASK_CRON / sanityCron must be a cron expression or 'disable': "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("got '30 0 * * sunday-ish'"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> read(Map.of("taskLogPruneCron", "daily"), Map.of()));
        assertTrue(e.getMessage().startsWith("taskLogPruneCron must be"), e.getMessage());
    }

    @Test
    void theTaskListKeepsTasksForTheConfiguredDays() {
        assertEquals(Duration.ofDays(90), read(Map.of("taskLogDays", "90"), Map.of()).taskLogKept());
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("taskLogDays", "0"), Map.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("taskLogDays", "a month"), Map.of()));
        assertTrue(e.getMessage().contains("taskLogDays must be a whole number"), e.getMessage());
    }
}
