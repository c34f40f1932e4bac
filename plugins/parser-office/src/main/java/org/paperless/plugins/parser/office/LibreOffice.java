package org.paperless.plugins.parser.office;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.paperless.api.parser.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts a document to PDF/A-2b with LibreOffice headless: one process per document, in a job folder of its
 * own ({@link ConversionJob}) with a fresh profile ({@link ProfileSettings}), under a time limit after which
 * the whole process tree is killed ({@link ProcessTree}). A few may run at once.
 */
final class LibreOffice {

    static final String NOT_INSTALLED = "LibreOffice is not installed, so office documents get their text but no"
            + " PDF/A archive copy and no thumbnail; install it: apt-get install libreoffice-writer-nogui"
            + " libreoffice-calc-nogui libreoffice-impress-nogui";
    /** LibreOffice's own PDF/A-2b export (filter options as JSON, LibreOffice 7.4 and later). */
    static final String PDFA_2B = "{\"SelectPdfVersion\":{\"type\":\"long\",\"value\":\"2\"}}";
    private static final List<String> KEPT_ENVIRONMENT = List.of("PATH", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "TZ");

    private static final Logger LOG = LoggerFactory.getLogger(LibreOffice.class);

    private final String soffice;
    private final int timeoutSeconds;
    private final Semaphore slots;
    private final AtomicBoolean warned = new AtomicBoolean();

    LibreOffice(String soffice, int timeoutSeconds, int processes) {
        this.soffice = soffice == null || soffice.isBlank() ? "soffice" : soffice.strip();
        this.timeoutSeconds = Math.max(1, timeoutSeconds);
        this.slots = new Semaphore(processes > 0 ? processes : Runtime.getRuntime().availableProcessors());
    }

    /** The executable, looked up each time so that installing LibreOffice needs no restart; warns once when absent. */
    Optional<Path> executable() {
        Optional<Path> found = locate(soffice);
        if (found.isEmpty() && warned.compareAndSet(false, true)) {
            LOG.warn(NOT_INSTALLED);
        } else if (found.isPresent()) {
            warned.set(false);
        }
        return found;
    }

    static Optional<Path> locate(String soffice) {
        if (soffice.contains("/")) {
            Path path = Path.of(soffice);
            return Files.isExecutable(path) && !Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = System.getenv("PATH");
        for (String dir : (pathVariable == null ? "/usr/bin:/bin" : pathVariable).split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, soffice);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * @return a new PDF/A-2b file the caller owns
     * @throws ParseException when LibreOffice is missing, fails, or takes longer than the limit
     */
    Path toPdf(Path document, OfficeType type, String name) throws ParseException {
        Path executable = executable().orElseThrow(() -> new ParseException(NOT_INSTALLED));
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParseException("Interrupted while waiting to convert " + name, e);
        }
        try (ConversionJob job = ConversionJob.start(document, type.extension())) {
            run(executable, job, type, name);
            Path pdf = Files.createTempFile("paperless-office-", ".pdf");
            try {
                Files.move(job.outputPdf(), pdf, StandardCopyOption.REPLACE_EXISTING);
                return pdf;
            } catch (IOException e) {
                Files.deleteIfExists(pdf);
                throw e;
            }
        } catch (IOException e) {
            throw new ParseException("LibreOffice could not convert " + name + ": " + e.getMessage(), e);
        } finally {
            slots.release();
        }
    }

    private void run(Path executable, ConversionJob job, OfficeType type, String name) throws IOException, ParseException {
        List<String> command = List.of(executable.toString(), "--headless", "--invisible", "--nologo", "--nodefault",
                "--norestore", "--nolockcheck", "-env:UserInstallation=" + job.profileUrl(),
                "--convert-to", "pdf:" + type.family().pdfFilter() + ":" + PDFA_2B,
                "--outdir", job.outputFolder().toString(), job.input(type.extension()).toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(job.folder().toFile())
                .redirectErrorStream(true).redirectOutput(job.log().toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().retainAll(KEPT_ENVIRONMENT);
        environment.put("HOME", job.folder().toString());
        environment.put("TMPDIR", job.temp().toString());
        long started = System.nanoTime();
        Process process = builder.start();
        String marker = job.folder().toString();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                ProcessTree.kill(process);
                throw new ParseException("LibreOffice took more than " + timeoutSeconds + " s for " + name
                        + " and was stopped; no archive copy was written");
            }
        } catch (InterruptedException e) {
            ProcessTree.kill(process);
            Thread.currentThread().interrupt();
            throw new ParseException("Interrupted while LibreOffice converted " + name, e);
        } finally {
            int left = ProcessTree.sweep(marker);
            if (left > 0) {
                LOG.warn("{} LibreOffice process(es) of the conversion of {} were still running and were killed", left, name);
            }
        }
        if (!isPdf(job.outputPdf())) {
            throw new ParseException("LibreOffice could not convert " + name + " (exit status " + process.exitValue()
                    + "): " + job.logTail());
        }
        LOG.debug("LibreOffice converted {} in {} ms", name, (System.nanoTime() - started) / 1_000_000);
    }

    private static boolean isPdf(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(5), StandardCharsets.ISO_8859_1).equals("%PDF-");
        }
    }
}
