package org.paperless.maintenance.internal.schedule;

import java.util.Dictionary;
import java.util.Hashtable;

import org.apache.karaf.scheduler.Scheduler;

/** The service properties by which Karaf's scheduler whiteboard picks up and schedules a job. */
final class JobProperties {

    /** Karaf's scheduler:list shows this prefix, the job name and the service id. */
    static final String NAME_PREFIX = "paperless-";

    private JobProperties() {
    }

    static Dictionary<String, Object> of(Schedule schedule, String quartz) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Scheduler.PROPERTY_SCHEDULER_NAME, NAME_PREFIX + schedule.jobName);
        properties.put(Scheduler.PROPERTY_SCHEDULER_EXPRESSION, quartz);
        properties.put(Scheduler.PROPERTY_SCHEDULER_CONCURRENT, Boolean.FALSE);
        return properties;
    }
}
