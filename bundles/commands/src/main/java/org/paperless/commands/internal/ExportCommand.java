package org.paperless.commands.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.paperless.api.backup.ExportFormat;
import org.paperless.api.backup.ExportOptions;
import org.paperless.api.backup.ExportReport;
import org.paperless.api.backup.ExportVerifier;
import org.paperless.api.backup.Exporter;
import org.paperless.api.backup.VerifyReport;

/**
 * paperless-ngx's document_exporter, with its option letters; --verify checks an existing export. What the
 * export holds less of than the collection is printed as warnings; the exit status is non-zero only when
 * documents that still exist are not in it (paperless-ngx stops with an error when a document changes during
 * its export), not for mail passwords left out without --passphrase (paperless-ngx only prints a notice there).
 */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "export", description = "Export every document with its files and metadata "
        + "to a folder or a zip (document_exporter); incremental into an existing export. --verify checks one")
public class ExportCommand implements Action {

    @Completion(FileCompleter.class)
    @Argument(index = 0, name = "TARGET", required = true, description = "The export folder (with --zip: where the zip goes)")
    String target;

    @Option(name = "--compare-checksums", aliases = "-c", description = "Copy a file again when its checksum differs (not only size or time)")
    boolean compareChecksums;

    @Option(name = "--compare-json", aliases = "-cj", description = "Leave manifest files alone when their content did not change")
    boolean compareJson;

    @Option(name = "--delete", aliases = "-d", description = "Remove files in TARGET that do not belong to this export (after a clean run)")
    boolean delete;

    @Option(name = "--use-filename-format", aliases = "-f", description = "Name the files as in the media folder")
    boolean useFilenameFormat;

    @Option(name = "--no-archive", aliases = "-na", description = "Without archive copies")
    boolean noArchive;

    @Option(name = "--no-thumbnail", aliases = "-nt", description = "Without thumbnails")
    boolean noThumbnail;

    @Option(name = "--use-folder-prefix", aliases = "-p", description = "Files in originals/, archive/, thumbnails/, json/")
    boolean useFolderPrefix;

    @Option(name = "--split-manifest", aliases = "-sm", description = "One manifest file per document")
    boolean splitManifest;

    @Option(name = "--zip", aliases = "-z", description = "One zip file instead of a folder")
    boolean zip;

    @Option(name = "--zip-name", aliases = "-zn", description = "The zip's name (default export-YYYY-MM-DD)")
    String zipName;

    @Option(name = "--data-only", description = "The manifest alone, without files")
    boolean dataOnly;

    @Option(name = "--passphrase", description = "Encrypt the secrets in the manifest with this passphrase")
    String passphrase;

    @Option(name = "--target", description = "Who imports it: own (this instance's export, the default), ngx-2 or ngx-3 "
            + "(what paperless-ngx 2.x or 3.x writes and imports)")
    String format;

    @Option(name = "--no-progress-bar", description = "No progress line")
    boolean noProgress;

    @Option(name = "--verify", description = "Export nothing: read every file of the export at TARGET (a folder or a zip) "
            + "and check it against its manifest")
    boolean verify;

    @Reference(optional = true)
    Exporter exporter;

    @Reference(optional = true)
    ExportVerifier verifier;

    @Override
    public Object execute() throws Exception {
        Path path = Path.of(target).toAbsolutePath();
        if (verify) {
            return verify(path);
        }
        if (zipName != null && !zip) {
            throw new IllegalArgumentException("--zip-name needs --zip");
        }
        ExportOptions options = new ExportOptions(path, compareChecksums, compareJson, delete, useFilenameFormat,
                noArchive, noThumbnail, useFolderPrefix, splitManifest, zip, zipName, dataOnly, passphrase,
                format == null ? ExportFormat.OWN : ExportFormat.of(format));
        ExportReport report = Capabilities.backup(exporter).export(options, ProgressLine.of(noProgress, "Exported"));
        ProgressLine.end(noProgress);
        lines(report).forEach(System.out::println);
        if (report.leftOut() > 0) {
            throw new IllegalStateException("The export at " + report.location() + " is written, but "
                    + report.leftOut() + " of the collection's documents are not in it: see the warning above");
        }
        return null;
    }

    /** The summary, then one line per warning. */
    static List<String> lines(ExportReport report) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("Exported %d documents to %s: %d files written (%d bytes), %d unchanged, %d deleted",
                report.documents(), report.location(), report.copied(), report.bytesCopied(), report.unchanged(),
                report.deleted()));
        report.warnings().forEach(warning -> lines.add("Warning: " + warning));
        return lines;
    }

    private Object verify(Path path) throws Exception {
        VerifyReport report = Capabilities.backup(verifier).verify(path, ProgressLine.of(noProgress, "Checked"));
        ProgressLine.end(noProgress);
        report.missing().forEach(name -> System.out.println("missing: " + name));
        report.changed().forEach(name -> System.out.println("changed: " + name));
        report.extra().forEach(name -> System.out.println("extra:   " + name));
        String summary = String.format("%d documents, %d files read: %d missing, %d changed, %d extra", report.documents(),
                report.checked(), report.missing().size(), report.changed().size(), report.extra().size());
        if (!report.ok()) {
            throw new IllegalStateException("The export at " + path + " does not match its manifest: " + summary);
        }
        System.out.println("The export at " + path + " matches its manifest: " + summary);
        return null;
    }
}
