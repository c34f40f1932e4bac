package org.paperless.maintenance.internal.schedule;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * When the scheduled jobs run (PID {@value #PID}). Every key is text, empty by default: an empty key falls
 * back to the paperless-ngx variable named in the description, then to the default. A schedule is a cron
 * expression, paperless-ngx's five fields or Quartz's six or seven, or {@code disable}.
 */
@ObjectClassDefinition(id = SchedulesConfig.PID, name = "Paperless schedules",
        description = "When classifier training, index optimizing, the sanity check, trash emptying, task list pruning"
                + " and mail fetching run."
                + " Empty keys fall back to the PAPERLESS_*_TASK_CRON variables; 'disable' turns a job off.")
public @interface SchedulesConfig {

    String PID = "org.paperless.schedules";

    @AttributeDefinition(required = false, description = "PAPERLESS_TRAIN_TASK_CRON: classifier training;"
            + " default 5 */1 * * * (every hour at five past)")
    String trainCron() default "";

    @AttributeDefinition(required = false, description = "PAPERLESS_INDEX_TASK_CRON: search index optimizing;"
            + " default 0 0 * * * (daily at midnight)")
    String indexCron() default "";

    @AttributeDefinition(required = false, description = "PAPERLESS_SANITY_TASK_CRON: the sanity check;"
            + " default 30 0 * * sun (Sundays at 00:30)")
    String sanityCron() default "";

    @AttributeDefinition(required = false, description = "PAPERLESS_EMPTY_TRASH_TASK_CRON: removing documents"
            + " longer in the trash than PAPERLESS_EMPTY_TRASH_DELAY days; default 0 1 * * * (daily at 01:00)")
    String emptyTrashCron() default "";

    @AttributeDefinition(required = false, description = "Pruning the task list (no variable);"
            + " default 30 1 * * * (daily at 01:30)")
    String taskLogPruneCron() default "";

    @AttributeDefinition(required = false, description = "PAPERLESS_EMAIL_TASK_CRON: fetching mail from every account;"
            + " default */10 * * * * (every ten minutes)")
    String mailCron() default "";

    @AttributeDefinition(required = false, description = "Days a task stays in the task list (no variable); default 30")
    String taskLogDays() default "";
}
