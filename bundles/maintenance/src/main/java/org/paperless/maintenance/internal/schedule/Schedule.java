package org.paperless.maintenance.internal.schedule;

/**
 * The scheduled jobs, as paperless-ngx's task scheduler runs them: the name in the task list and in
 * Karaf's {@code scheduler:list}, the configuration key, the paperless-ngx variable and the default
 * (paperless-ngx's five-field cron).
 */
enum Schedule {
    CLASSIFIER_TRAIN("classifier-train", "trainCron", "PAPERLESS_TRAIN_TASK_CRON", "5 */1 * * *"),
    INDEX_OPTIMIZE("index-optimize", "indexCron", "PAPERLESS_INDEX_TASK_CRON", "0 0 * * *"),
    SANITY_CHECK("sanity-check", "sanityCron", "PAPERLESS_SANITY_TASK_CRON", "30 0 * * sun"),
    EMPTY_TRASH("empty-trash", "emptyTrashCron", "PAPERLESS_EMPTY_TRASH_TASK_CRON", "0 1 * * *"),
    TASK_LOG_PRUNE("task-log-prune", "taskLogPruneCron", null, "30 1 * * *"),
    MAIL_FETCH("mail-fetch", "mailCron", "PAPERLESS_EMAIL_TASK_CRON", "*/10 * * * *");

    final String jobName;
    final String key;
    /** null when paperless-ngx has no such variable */
    final String variable;
    final String defaultCron;

    Schedule(String jobName, String key, String variable, String defaultCron) {
        this.jobName = jobName;
        this.key = key;
        this.variable = variable;
        this.defaultCron = defaultCron;
    }
}
