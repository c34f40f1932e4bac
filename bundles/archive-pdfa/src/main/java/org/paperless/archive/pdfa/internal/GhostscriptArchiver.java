package org.paperless.archive.pdfa.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.paperless.api.archive.PdfArchiver;
import org.paperless.api.parser.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PDF/A-2b archive copies through Ghostscript's pdfwrite, as paperless-ngx gets them through OCRmyPDF:
 * fonts the source only names (the base 14) are embedded, colours converted to RGB under an sRGB output
 * intent, the text left as text. A few long-lived gs processes take the jobs, each sandboxed (-dSAFER) to
 * our work folder, into which the source is linked (or copied from its %PDF- header on: gs sees PDFs only).
 */
@Component(service = PdfArchiver.class, configurationPid = GhostscriptArchiver.PID)
@Designate(ocd = ArchiveConfig.class)
public class GhostscriptArchiver implements PdfArchiver {

    static final String PID = "org.paperless.archive";
    static final String NOT_INSTALLED = "Ghostscript is not installed, so no PDF/A archive copy can be written; "
            + "install it (apt-get install ghostscript) or set 'ghostscript' in etc/" + PID + ".cfg";
    /**
     * Jobs per gs process. Each job gets a new pdfwrite device (the first one counted pages across documents
     * and broke the next documents' links), and gs releases a job's device, with one file handle, only when
     * the process ends: a process is replaced after this many jobs, its successor started ahead.
     */
    static final int JOBS_PER_PROCESS = 50;
    private static final String ERROR_MARK = "**** Error";
    private static final int MESSAGE_LIMIT = 600;

    private static final Logger LOG = LoggerFactory.getLogger(GhostscriptArchiver.class);

    private final ConcurrentLinkedQueue<GhostscriptProcess> idle = new ConcurrentLinkedQueue<>();
    /** Starts the next processes and ends used ones, off the consuming thread. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "paperless-ghostscript-starter");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger starting = new AtomicInteger();
    private int spares;
    private PdfaDefinition definition;
    private String ghostscript;
    private int timeoutSeconds;
    private Semaphore slots;

    public GhostscriptArchiver() {
    }

    GhostscriptArchiver(Path workFolder, String ghostscript, int timeoutSeconds, int processes) throws IOException {
        setUp(PdfaDefinition.writeTo(workFolder), ghostscript, timeoutSeconds, processes);
    }

    @Activate
    void activate(BundleContext context, ArchiveConfig config) throws IOException {
        setUp(PdfaDefinition.writeTo(context.getDataFile("pdfa").toPath()), config.ghostscript(),
                config.timeoutSeconds(), config.processes());
    }

    private void setUp(PdfaDefinition definition, String ghostscript, int timeoutSeconds, int processes) {
        this.definition = definition;
        this.ghostscript = ghostscript == null || ghostscript.isBlank() ? "gs" : ghostscript.strip();
        this.timeoutSeconds = Math.max(1, timeoutSeconds);
        this.spares = processes > 0 ? processes : Runtime.getRuntime().availableProcessors();
        this.slots = new Semaphore(spares);
    }

    @Deactivate
    void deactivate() {
        background.shutdown();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (GhostscriptProcess process; (process = idle.poll()) != null;) {
            process.kill();
        }
    }

    int idleProcesses() {
        return idle.size();
    }

    @Override
    public void archive(Path pdf, Path target) throws ParseException {
        String name = pdf.getFileName().toString();
        String job = UUID.randomUUID().toString();
        Path source = definition.jobs().resolve(job + "-in.pdf");
        Path output = definition.jobs().resolve(job + "-out.pdf");
        try {
            slots.acquire();
            try {
                PdfHeader.writeJobFile(pdf, source, name);
                run(source, output, name);
                Files.move(output, target, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                slots.release();
            }
            LOG.debug("PDF/A archive of {} written ({} bytes)", name, Files.size(target));
        } catch (IOException e) {
            deleteQuietly(target);
            boolean missing = e.getMessage() != null && e.getMessage().contains("error=2,");
            throw new ParseException(missing ? NOT_INSTALLED
                    : "Cannot write the archive copy of " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParseException("Interrupted while writing the archive copy of " + name, e);
        } finally {
            deleteQuietly(source);
            deleteQuietly(output);
        }
    }

    private void run(Path source, Path output, String name) throws IOException, InterruptedException, ParseException {
        GhostscriptProcess process = idle.poll();
        if (process != null && !process.alive()) {
            retire(process);
            process = null;
        }
        if (process == null) {
            process = GhostscriptProcess.start(ghostscript, definition);
        }
        boolean reusable = false;
        try {
            GhostscriptProcess.Outcome outcome = process.convert(source, output, timeoutSeconds);
            reusable = process.jobs() < JOBS_PER_PROCESS;
            // gs carries on after "**** Error: Couldn't initialise file" and writes an empty page: errors fail.
            if (outcome.stopped() || outcome.messages().contains(ERROR_MARK) || !Files.isRegularFile(output)
                    || Files.size(output) == 0) {
                throw new ParseException("Ghostscript could not write a PDF/A copy of " + name + ": "
                        + shorten(outcome.messages()));
            }
        } catch (TimeoutException e) {
            process.kill();
            throw new ParseException("Ghostscript took more than " + timeoutSeconds + " s for " + name
                    + "; no archive copy was written");
        } finally {
            if (reusable) {
                idle.add(process);
            } else {
                retire(process);
                startSpare();
            }
        }
    }

    /** A fresh process for a later document, unless enough are ready or starting. */
    private void startSpare() {
        if (idle.size() + starting.get() >= spares) {
            return;
        }
        starting.incrementAndGet();
        try {
            background.execute(() -> {
                try {
                    idle.add(GhostscriptProcess.start(ghostscript, definition));
                } catch (IOException e) {
                    LOG.debug("Could not start a spare Ghostscript: {}", e.toString());
                } finally {
                    starting.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            starting.decrementAndGet(); // deactivated meanwhile
        }
    }

    /** Lets a used process finish its idle output and end, without the caller waiting for it. */
    private void retire(GhostscriptProcess process) {
        try {
            background.execute(process::close);
        } catch (RejectedExecutionException e) {
            process.kill();
        }
    }

    private static String shorten(String messages) {
        String text = messages.isBlank() ? "no message" : messages.replaceAll("\\s+", " ");
        return text.length() > MESSAGE_LIMIT ? text.substring(0, MESSAGE_LIMIT) + "..." : text;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", file, e.getMessage());
        }
    }
}
