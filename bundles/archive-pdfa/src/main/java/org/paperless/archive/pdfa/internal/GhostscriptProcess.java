package org.paperless.archive.pdfa.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One long-lived Ghostscript that converts PDF after PDF: starting gs costs more than converting a letter,
 * so jobs are fed to its PostScript prompt on stdin. Each job switches pdfwrite to a new output file (which
 * starts a new document), emits the PDF/A output intent, runs the source inside {@code stopped}, prints a
 * marker line, and switches back to an idle file so the job's output is complete on disk.
 */
final class GhostscriptProcess implements AutoCloseable {

    /** The outcome of one job: whether gs reported a PostScript error, and everything it printed for it. */
    record Outcome(boolean stopped, String messages) {
    }

    private static final String MARKER = "PAPERLESS-JOB-END";
    /** Put in the queue when gs's output ends; compared by identity, so no line of gs can pass for it. */
    private static final String EOF = new String("end of output");

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final PdfaDefinition definition;
    private int jobs;

    private GhostscriptProcess(Process process, PdfaDefinition definition) {
        this.process = process;
        this.definition = definition;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.ISO_8859_1);
        Thread reader = new Thread(this::readOutput, "paperless-ghostscript-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static GhostscriptProcess start(String ghostscript, PdfaDefinition definition) throws IOException {
        // No input file: gs then reads its prompt line by line (with "-" it would wait for a full buffer).
        List<String> command = List.of(ghostscript, "-q", "-dNOPAUSE", "-dNOPROMPT", "-dSAFER",
                // A permitted folder does not cover its subfolders: the jobs folder is named too.
                "--permit-file-read=" + definition.folder() + "/:" + definition.jobs() + "/",
                "--permit-file-write=" + definition.jobs() + "/",
                "-sDEVICE=pdfwrite", "-dPDFA=2", "-dPDFACompatibilityPolicy=1",
                "-sColorConversionStrategy=RGB", "-dAutoRotatePages=/None",
                "-sOutputFile=" + definition.idleOutput());
        return new GhostscriptProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), definition);
    }

    int jobs() {
        return jobs;
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * @throws java.util.concurrent.TimeoutException when gs has not finished within the time; the process
     *         is then useless and must be closed
     * @throws IOException when gs is gone
     */
    Outcome convert(Path source, Path output, long timeoutSeconds)
            throws IOException, InterruptedException, java.util.concurrent.TimeoutException {
        jobs++;
        String id = MARKER + "-" + jobs;
        lines.clear();
        commands.write("{ << /OutputFile (" + ps(output) + ") >> setpagedevice (" + ps(definition.prologue())
                + ") run (" + ps(source) + ") run } stopped { (\\nError: ) print $error /errorname get =only"
                + " ( in ) print $error /command get =only (\\n" + id + " STOPPED) = } { (\\n" + id
                + " DONE) = } ifelse << /OutputFile (" + ps(definition.idleOutput()) + ") >> setpagedevice flush\n");
        commands.flush();
        StringBuilder messages = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new java.util.concurrent.TimeoutException();
            }
            if (line == EOF) {
                throw new IOException("Ghostscript ended unexpectedly: " + messages.toString().strip());
            }
            if (line.startsWith(id + " ")) {
                return new Outcome(line.endsWith("STOPPED"), messages.toString().strip());
            }
            if (!line.isBlank()) {
                messages.append(line.strip()).append('\n');
            }
        }
    }

    private void readOutput() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.ISO_8859_1))) {
            for (String line; (line = out.readLine()) != null;) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process is gone; the EOF below tells the waiting job
        } finally {
            lines.add(EOF);
        }
    }

    /** Our paths only; a PostScript string still needs its backslashes and parentheses escaped. */
    private static String ps(Path path) {
        return path.toAbsolutePath().toString().replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
    }

    /** Ends gs at the end of its input, or by force when it does not within two seconds. */
    @Override
    public void close() {
        try {
            commands.close();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    void kill() {
        process.destroyForcibly();
    }
}
