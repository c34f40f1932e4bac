package org.paperless.maintenance.internal.schedule;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.paperless.api.config.Settings;

/**
 * The schedules as Quartz expressions, read from the configuration, else the paperless-ngx variables,
 * else paperless-ngx's defaults; an empty one is switched off ({@code disable}).
 *
 * @param cron the Quartz expression of every job that runs
 * @param taskLogKept how long a task stays in the task list
 */
record ScheduleSettings(Map<Schedule, String> cron, Duration taskLogKept) {

    static final String DISABLE = "disable";

    ScheduleSettings {
        cron = Map.copyOf(cron);
    }

    /** @throws IllegalArgumentException naming the variable and the key of a value that cannot be read */
    static ScheduleSettings from(SchedulesConfig config, Function<String, String> env) {
        Settings settings = Settings.of(env);
        Map<Schedule, String> cron = new EnumMap<>(Schedule.class);
        for (Schedule schedule : Schedule.values()) {
            quartz(settings, schedule, configured(config, schedule)).ifPresent(q -> cron.put(schedule, q));
        }
        int days = settings.integer("taskLogDays", config.taskLogDays(), null, 30);
        if (days < 1) {
            throw new IllegalArgumentException("taskLogDays must be 1 or more, got '" + days + "'");
        }
        return new ScheduleSettings(cron, Duration.ofDays(days));
    }

    Optional<String> quartz(Schedule schedule) {
        return Optional.ofNullable(cron.get(schedule));
    }

    private static Optional<String> quartz(Settings settings, Schedule schedule, String configured) {
        String value = settings.string(schedule.key, configured, schedule.variable, schedule.defaultCron);
        if (value.equalsIgnoreCase(DISABLE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Cron.toQuartz(value));
        } catch (IllegalArgumentException e) {
            String name = schedule.variable == null ? schedule.key : schedule.variable + " / " + schedule.key;
            throw new IllegalArgumentException(name + " must be a cron expression or 'disable': " + e.getMessage()
                    + ", got '" + value + "'", e);
        }
    }

    private static String configured(SchedulesConfig config, Schedule schedule) {
        return switch (schedule) {
            case CLASSIFIER_TRAIN -> config.trainCron();
            case INDEX_OPTIMIZE -> config.indexCron();
            case SANITY_CHECK -> config.sanityCron();
            case EMPTY_TRASH -> config.emptyTrashCron();
            case TASK_LOG_PRUNE -> config.taskLogPruneCron();
            case MAIL_FETCH -> config.mailCron();
        };
    }
}
