package org.paperless.archive.pdfa.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** One long-lived gs, the real one. */
class GhostscriptProcessTest {

    /**
     * A process takes {@value GhostscriptArchiver#JOBS_PER_PROCESS} jobs. gs lets go of a job's own device
     * (and its file handle) only when it ends; over a process's life that stays a handful of files, far from
     * any limit.
     */
    @Test
    void overItsLifeAProcessKeepsItsOpenFilesBounded() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux's /proc");
        Path work = Files.createDirectories(Path.of("target/gs-work").toAbsolutePath()).resolve(UUID.randomUUID().toString());
        PdfaDefinition definition = PdfaDefinition.writeTo(work);
        Path source = GhostscriptArchiverTest.onePage(definition.jobs().resolve("job-in.pdf"), "A short letter");
        try (GhostscriptProcess process = GhostscriptProcess.start("gs", definition)) {
            convert(process, source, definition);
            long before = openFiles(process);
            for (int i = 1; i < GhostscriptArchiver.JOBS_PER_PROCESS; i++) {
                convert(process, source, definition);
            }
            long after = openFiles(process);
            assertTrue(after <= before + GhostscriptArchiver.JOBS_PER_PROCESS, "gs had " + before
                    + " files open after one job and " + after + " after " + GhostscriptArchiver.JOBS_PER_PROCESS);
        }
    }

    private static void convert(GhostscriptProcess process, Path source, PdfaDefinition definition) throws Exception {
        Path output = definition.jobs().resolve("job-out.pdf");
        GhostscriptProcess.Outcome outcome = process.convert(source, output, 60);
        assertFalse(outcome.stopped(), outcome.messages());
        Files.delete(output);
    }

    private static long openFiles(GhostscriptProcess process) throws Exception {
        try (var files = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
            return files.count();
        }
    }
}
