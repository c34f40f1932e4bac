package org.paperless.commands.internal;

import java.io.PrintStream;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.paperless.api.maintenance.SanityChecker;
import org.paperless.api.maintenance.SanityMessage;
import org.paperless.api.maintenance.SanityMessage.Level;
import org.paperless.api.maintenance.SanityReport;

/**
 * paperless-ngx's document_sanity_checker: fails (non-zero exit status) on an error or a warning, so
 * that cron mails the output; information alone (a document without text) is no failure.
 */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "sanity", description = "Check every document's files against the database "
        + "(missing, unreadable, changed) and look for orphaned files in the media folder (document_sanity_checker)")
public class SanityCommand implements Action {

    @Option(name = "--format", description = "table (default) or json: one JSON object for scripts, without progress line")
    @Completion(value = StringsCompleter.class, values = {"table", "json"})
    String format = "table";

    @Option(name = "--no-progress-bar", description = "No progress line")
    boolean noProgress;

    @Reference(optional = true)
    SanityChecker checker;

    @Override
    public Object execute() {
        boolean json = switch (format.toLowerCase(Locale.ROOT)) {
            case "table" -> false;
            case "json" -> true;
            default -> throw new IllegalArgumentException("--format is table or json, not '" + format + "'");
        };
        SanityChecker service = Capabilities.maintenance(checker);
        // the JSON object is the whole of the output, so a script can parse it
        boolean quiet = noProgress || json;
        SanityReport report = service.check(ProgressLine.of(quiet, "Checked"));
        ProgressLine.end(quiet);
        if (json) {
            System.out.println(json(report));
        } else {
            printTable(report, System.out);
        }
        if (!report.ok()) {
            throw new IllegalStateException("The sanity check found " + count(report, Level.ERROR, "error") + " and "
                    + count(report, Level.WARNING, "warning") + ". See the messages above.");
        }
        return null;
    }

    private static void printTable(SanityReport report, PrintStream out) {
        if (report.messages().isEmpty()) {
            out.println("No issues detected.");
        } else {
            Table table = new Table().column("Document").column("Level").wideColumn("Message", 120);
            for (SanityMessage m : report.messages()) {
                table.row(m.documentId() == null ? "(global)" : "#" + m.documentId(), m.level(), m.message());
            }
            table.print(out, false);
        }
        out.printf("%d documents checked, %d files read: %s, %s, %s%n", report.documents(), report.files(),
                count(report, Level.ERROR, "error"), count(report, Level.WARNING, "warning"),
                count(report, Level.INFO, "info"));
    }

    private static String count(SanityReport report, Level level, String noun) {
        long n = report.count(level);
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String json(SanityReport report) {
        StringBuilder out = new StringBuilder(256 + report.messages().size() * 120);
        out.append("{\"documents\":").append(report.documents())
                .append(",\"files\":").append(report.files())
                .append(",\"errors\":").append(report.count(Level.ERROR))
                .append(",\"warnings\":").append(report.count(Level.WARNING))
                .append(",\"infos\":").append(report.count(Level.INFO))
                .append(",\"messages\":[");
        String separator = "";
        for (SanityMessage m : report.messages()) {
            out.append(separator).append("{\"document\":").append(m.documentId() == null ? "null" : m.documentId())
                    .append(",\"level\":");
            quote(m.level().name(), out);
            out.append(",\"message\":");
            quote(m.message(), out);
            out.append('}');
            separator = ",";
        }
        return out.append("]}").toString();
    }

    /**
     * A JSON string: quotes, backslashes and control characters escaped (file names may hold any of them),
     * and everything beyond ASCII as \\u escapes, so that no console encoding can change a file name.
     */
    static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
