package org.paperless.archive.pdfa.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One long-lived Ghostscript that converts PDF after PDF: starting gs costs more than converting a letter,
 * so jobs are fed to its PostScript prompt on stdin. Each job runs inside {@code save ... restore}, so nothing
 * it defines outlives it; it switches pdfwrite to a new output file (which starts a new document), emits the
 * PDF/A output intent, hands the source to the PDF interpreter ({@code runpdf}, never {@code run}, which
 * executes a file as PostScript when its first bytes say so), switches back to an idle file so the job's
 * output is complete on disk, and prints a marker line no document can know in advance.
 */
final class GhostscriptProcess implements AutoCloseable {

    /** The outcome of one job: whether gs reported a PostScript error, and everything it printed for it. */
    record Outcome(boolean stopped, String messages) {
    }

    private static final String MARKER = "PAPERLESS-JOB-END";
    /** What a job keeps of gs's messages; a damaged file can make gs warn without end. */
    private static final int MESSAGE_CAPACITY = 16 * 1024;
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

    long pid() {
        return process.pid();
    }

    int jobs() {
        return jobs;
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * @param source a PDF in the jobs folder that begins with {@code %PDF-}
     * @throws java.util.concurrent.TimeoutException when gs has not finished within the time; the process
     *         is then useless and must be closed
     * @throws IOException when gs is gone, or the source does not begin with {@code %PDF-}
     */
    Outcome convert(Path source, Path output, long timeoutSeconds)
            throws IOException, InterruptedException, java.util.concurrent.TimeoutException {
        if (!PdfHeader.atStart(source)) {
            throw new IOException("Ghostscript is given PDFs only, and " + source.getFileName()
                    + " does not begin with %PDF-");
        }
        jobs++;
        String id = MARKER + "-" + UUID.randomUUID();
        lines.clear();
        commands.write(job(source, output, id));
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
            if (!line.isBlank() && messages.length() < MESSAGE_CAPACITY) {
                messages.append(line.strip()).append('\n');
            }
        }
    }

    /**
     * One line of PostScript. It starts from empty stacks, so the save object is at the bottom of the operand
     * stack; after the job, whatever lies between it and the job's outcome (an error leaves operands) is
     * dropped, the dictionary stack is reset, and {@code restore} takes the interpreter back to where it was.
     * The line is bound before it runs, so what it calls after the job is the operators themselves, whatever
     * the job defined under their names; {@code runpdf} is taken from systemdict, which -dSAFER keeps
     * read-only. pdfwrite is switched back to the idle file before the restore, so the restored page device
     * is the current one and gs has nothing to reinstall. The idle document gets a blank page: gs 10.0's
     * pdfwrite never closes the file of a document it ends without pages, one file handle per job.
     */
    /** What the command line gives the first device, given again to each job's own device. */
    private static final String DEVICE_PARAMETERS =
            "/PDFA 2 /PDFACompatibilityPolicy 1 /ColorConversionStrategy /RGB /AutoRotatePages /None";

    private String job(Path source, Path output, String id) {
        // A new pdfwrite device per job: the one gs starts with keeps counting pages across documents and
        // carried its page objects into the next document's links.
        return "clear cleardictstack { save { /pdfwrite finddevice copydevice setdevice << /OutputFile ("
                + ps(output) + ") " + DEVICE_PARAMETERS + " >> setpagedevice"
                + " (" + ps(definition.prologue()) + ") (r) file cvx exec"
                + " (" + ps(source) + ") (r) file //systemdict /runpdf get exec } stopped"
                + " { (\\nError: ) print $error /errorname get =only ( in ) print $error /command get =only"
                + " (\\n) print //false } { //true } ifelse"
                + " nulldevice cleardictstack"
                + " count 2 sub { exch pop } repeat exch restore"
                + " { (\\n" + id + " DONE) } { (\\n" + id + " STOPPED) } ifelse = flush } bind exec\n";
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
