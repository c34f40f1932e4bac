package org.paperless.maintenance.internal.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.paperless.api.index.SearchIndex;
import org.paperless.api.mail.MailFetcher;
import org.paperless.api.maintenance.SanityChecker;
import org.paperless.api.matching.DocumentClassifier;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.tasks.TaskLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * paperless-ngx's task scheduler on Karaf's: each enabled job is a Runnable service with a cron expression,
 * which the scheduler's whiteboard runs (on its own threads) and unschedules when the service goes, as it
 * does when this bundle stops. The owning services are optional: a job whose service is gone is skipped.
 */
@Component(configurationPid = SchedulesConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = SchedulesConfig.class)
public class SchedulerComponent {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile DocumentClassifier classifier;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SearchIndex index;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SanityChecker sanityChecker;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile DocumentRepository documents;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TaskLog taskLog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MailFetcher mailFetcher;

    private final BundleContext context;
    /** Made once, so that a job's guard against overlapping runs outlives a change of its schedule. */
    private final Map<Schedule, ScheduledJob> jobs = new EnumMap<>(Schedule.class);
    private final List<ServiceRegistration<Runnable>> registrations = new ArrayList<>();
    private volatile Duration taskLogKept;

    @Activate
    public SchedulerComponent(BundleContext context, SchedulesConfig config) {
        this.context = context;
        ScheduleSettings settings = ScheduleSettings.from(config, System::getenv);
        Clock clock = Clock.systemUTC();
        for (Schedule schedule : Schedule.values()) {
            jobs.put(schedule, new ScheduledJob(schedule, work(schedule, clock), () -> taskLog, clock));
        }
        schedule(settings);
    }

    private Callable<Outcome> work(Schedule schedule, Clock clock) {
        return switch (schedule) {
            case CLASSIFIER_TRAIN -> Jobs.trainClassifier(() -> classifier);
            case INDEX_OPTIMIZE -> Jobs.optimizeIndex(() -> index);
            case SANITY_CHECK -> Jobs.sanityCheck(() -> sanityChecker);
            case EMPTY_TRASH -> Jobs.emptyTrash(() -> documents);
            case TASK_LOG_PRUNE -> Jobs.pruneTaskLog(() -> taskLog, () -> taskLogKept, clock);
            case MAIL_FETCH -> Jobs.fetchMail(() -> mailFetcher);
        };
    }

    @Modified
    void modified(SchedulesConfig config) {
        ScheduleSettings settings;
        try {
            settings = ScheduleSettings.from(config, System::getenv);
        } catch (IllegalArgumentException e) {
            LOG.error("The schedules stay as they were: {}", e.getMessage());
            return;
        }
        schedule(settings);
    }

    private synchronized void schedule(ScheduleSettings settings) {
        unregisterAll();
        taskLogKept = settings.taskLogKept();
        List<String> off = new ArrayList<>();
        for (ScheduledJob job : jobs.values()) {
            Schedule schedule = job.schedule();
            settings.quartz(schedule).ifPresentOrElse(
                    quartz -> registrations.add(context.registerService(Runnable.class, job, JobProperties.of(schedule, quartz))),
                    () -> off.add(schedule.jobName));
        }
        LOG.info("Scheduled jobs: {}{}", settings.cron().isEmpty() ? "none" : describe(settings),
                off.isEmpty() ? "" : "; disabled: " + String.join(", ", off));
    }

    private static String describe(ScheduleSettings settings) {
        List<String> parts = new ArrayList<>();
        for (Schedule schedule : Schedule.values()) {
            settings.quartz(schedule).ifPresent(q -> parts.add(schedule.jobName + " '" + q + "'"));
        }
        return String.join(", ", parts);
    }

    @Deactivate
    synchronized void deactivate() {
        unregisterAll();
    }

    private void unregisterAll() {
        for (ServiceRegistration<Runnable> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregistered it as the bundle stopped
            }
        }
        registrations.clear();
    }
}
