package org.paperless.commands.internal;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.tasks.TaskLog;
import org.paperless.api.tasks.TaskRecord;

/** paperless-ngx's task list: what ran in the background (consumed files, scheduled jobs) and how it ended. */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "tasks", description = "List what ran in the background, newest first: each"
        + " consumed file (the new document or why it was refused) and each scheduled job (training, index, sanity"
        + " check, trash) with its result")
public class TasksCommand implements Action {

    @Option(name = "--limit", aliases = "-l", description = "At most this many tasks (default 50)")
    int limit = 50;

    @Option(name = "--failed", description = "Only the tasks that failed")
    boolean failedOnly;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Reference(optional = true)
    TaskLog taskLog;

    @Override
    public Object execute() {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        List<TaskRecord> tasks = Capabilities.storage(taskLog).list(limit, failedOnly);
        Table table = new Table().rightColumn("ID").column("Finished").column("Kind").wideColumn("Name", 40)
                .column("Result").rightColumn("Took").column("Document").wideColumn("Message", 80);
        for (TaskRecord t : tasks) {
            table.row(t.id(), t.finishedAt().truncatedTo(ChronoUnit.SECONDS), t.kind().name().toLowerCase(Locale.ROOT),
                    t.name(), t.ok() ? "SUCCESS" : "FAILURE", took(t.duration()),
                    t.documentId() == null ? "" : "#" + t.documentId(), t.message());
        }
        table.print(System.out, noFormat);
        if (!noFormat) {
            System.out.println(footer(tasks));
        }
        return null;
    }

    private String footer(List<TaskRecord> tasks) {
        if (tasks.isEmpty()) {
            return failedOnly ? "No failed task." : "No task recorded yet.";
        }
        long failed = tasks.stream().filter(t -> !t.ok()).count();
        String shown = tasks.size() + (tasks.size() == 1 ? " task" : " tasks") + ", newest first";
        String more = tasks.size() == limit ? " (--limit shows more)" : "";
        return failedOnly ? shown + ", all failed" + more + "."
                : shown + ", " + failed + " failed" + more + ". Tasks are kept 30 days by default (taskLogDays in etc/org.paperless.schedules.cfg).";
    }

    /** 850 ms, 12.5 s, 3 min 4 s, 2 h 5 min. */
    static String took(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = d.toSeconds();
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
