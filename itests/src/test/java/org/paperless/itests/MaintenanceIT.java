package org.paperless.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.paperless.itests.KilledInstance.background;
import static org.paperless.itests.KilledInstance.files;
import static org.paperless.itests.KilledInstance.killWhen;

import org.junit.jupiter.api.Test;

/**
 * The renamer, the archiver and the thumbnails on the real distribution, killed with -9 in the middle:
 * afterwards every document points at a file that exists, nothing is orphaned (paperless:sanity says so),
 * and running the command again finishes the job; an interrupted archive run resumes where it stopped.
 */
class MaintenanceIT {

    private static final int TEXTS = 300;
    private static final int PDFS = 30;

    @Test
    void killedRenameAndArchiveRunsLoseNothingAndResume() throws Exception {
        Path data = Paths.get("target/launcher-data/maintenance-" + UUID.randomUUID()).toAbsolutePath();
        Launcher plain = new Launcher(data, Map.of());
        try {
            start(plain);
            consume(plain);
        } finally {
            plain.run("stop");
        }

        // A new filename format: every document belongs somewhere else now.
        Launcher formatted = new Launcher(data, Map.of("PAPERLESS_FILENAME_FORMAT", "by-title/{title}"));
        Path moved = data.resolve("media/originals/by-title");
        try {
            start(formatted);
            CompletableFuture<Launcher.Result> rename = background(formatted, "paperless:rename --no-progress-bar");
            killWhen(formatted, () -> files(moved) > 40);
            assertNotEquals(0, rename.get().exitCode(), "the rename was killed, not finished");
        } finally {
            formatted.run("stop");
        }
        Launcher again = new Launcher(data, Map.of("PAPERLESS_FILENAME_FORMAT", "by-title/{title}"));
        try {
            start(again);
            sane(again);
            assertTrue(files(moved) < TEXTS + PDFS, "the kill came before the end: " + files(moved));
            Launcher.Result finished = untilConsumptionIsUp(again, "paperless:rename --no-progress-bar");
            assertEquals(0, finished.exitCode(), finished.output());
            assertEquals(TEXTS + PDFS, files(moved), "every original is filed by its title now");
            assertEquals(0, files(data.resolve("media/originals")) - files(moved), "nothing left at the old names");
            assertTrue(files(data.resolve("media/archive/by-title")) == PDFS, "the archive copies moved beside them");
            sane(again);

            // The archiver, killed half-way through an --overwrite run, resumes after the last document it did.
            Path checkpoint = data.resolve("tmp/archiver.last");
            CompletableFuture<Launcher.Result> archive = background(again, "paperless:archive --overwrite --no-progress-bar");
            killWhen(again, () -> lastArchived(checkpoint) > TEXTS + PDFS / 3);
            assertNotEquals(0, archive.get().exitCode(), "the archive run was killed, not finished");
        } finally {
            again.run("stop");
        }
        // The sanity check also runs on a schedule here, every ten seconds, into the task list.
        Launcher resumed = new Launcher(data, Map.of("PAPERLESS_FILENAME_FORMAT", "by-title/{title}",
                "PAPERLESS_SANITY_TASK_CRON", "0/10 * * * * ?"));
        try {
            start(resumed);
            sane(resumed);
            Launcher.Result archived = resumed.run("client", "paperless:archive --overwrite --no-progress-bar");
            assertEquals(0, archived.exitCode(), archived.output());
            long looked = documentsIn(archived.output());
            assertTrue(looked > 0 && looked < TEXTS + PDFS, "the second run resumed: " + archived.output());
            assertEquals(PDFS, files(data.resolve("media/archive")), "one archive copy per PDF, the old ones removed");
            sane(resumed);

            // A thumbnail lost is made again from its original.
            Path thumbnail = data.resolve("media/thumbnails/0000001.webp");
            Files.delete(thumbnail);
            Launcher.Result sanity = resumed.run("client", "paperless:sanity --no-progress-bar");
            assertNotEquals(0, sanity.exitCode(), "a missing thumbnail is an error: " + sanity.output());
            Launcher.Result thumbnails = resumed.run("client", "paperless:thumbnails --document 1 --no-progress-bar");
            assertEquals(0, thumbnails.exitCode(), thumbnails.output());
            byte[] webp = Files.readAllBytes(thumbnail);
            assertEquals("WEBP", new String(webp, 8, 4, java.nio.charset.StandardCharsets.US_ASCII));
            sane(resumed);

            // A changed document is filed anew: edited in the console, and by the retagger assigning a storage path.
            ok(resumed, "paperless:storage-path-add --path 'edited/{title}' Edited");
            ok(resumed, "paperless:document-edit 1 --storage-path Edited");
            await(() -> Files.exists(data.resolve("media/originals/edited/letter-0.txt")), "the edited document moved");
            ok(resumed, "paperless:storage-path-add --match Statement --algorithm any --path 'matched/{title}' Matched");
            ok(resumed, "paperless:retag -s");
            Path matched = data.resolve("media/originals/matched");
            await(() -> files(matched) == PDFS, "the retagged documents moved");
            await(() -> files(data.resolve("media/archive/matched")) == PDFS, "their archive copies moved too");
            await(() -> files(data.resolve("media/originals")) == TEXTS + PDFS
                    && files(data.resolve("media/archive")) == PDFS, "the old names are gone");
            sane(resumed);

            await(() -> tasks(resumed).contains("\tscheduled\tsanity-check\tSUCCESS"), "a scheduled sanity check in the task list");
            String tasks = tasks(resumed);
            assertTrue(tasks.contains("statement-7.pdf\tSUCCESS"), "each consumed file is in the task list: " + tasks);

            // Stopping the bundle that owns the schedules takes them out of Karaf's scheduler; starting it brings them back.
            assertTrue(scheduled(resumed).contains("paperless-sanity-check"), scheduled(resumed));
            ok(resumed, "bundle:stop org.paperless.maintenance");
            await(() -> !scheduled(resumed).contains("paperless-"), "no paperless schedule left after bundle:stop");
            long runs = sanityRuns(resumed);
            Thread.sleep(12_000);
            assertEquals(runs, sanityRuns(resumed), "no scheduled run while the bundle is stopped");
            ok(resumed, "bundle:start org.paperless.maintenance");
            await(() -> scheduled(resumed).contains("paperless-sanity-check"), "the schedule is back after bundle:start");
            await(() -> sanityRuns(resumed) > runs, "scheduled sanity checks run again");
        } finally {
            resumed.run("stop");
        }
    }

    /** Text files (consumed fast) and PDFs with text, which get archive copies. */
    private static void consume(Launcher launcher) throws Exception {
        Path folder = Files.createDirectories(launcher.dataDir.resolve("prepared"));
        for (int i = 0; i < TEXTS; i++) {
            Files.writeString(folder.resolve("letter-" + i + ".txt"), "Letter " + i + " " + UUID.randomUUID());
        }
        Launcher.Result texts = launcher.run("client", "paperless:consume " + folder);
        assertEquals(0, texts.exitCode(), texts.output());
        Path pdfs = Files.createDirectories(launcher.dataDir.resolve("prepared-pdf"));
        for (int i = 0; i < PDFS; i++) {
            Files.write(pdfs.resolve("statement-" + i + ".pdf"), HostileFixtures.textPdf("Statement " + i + " " + UUID.randomUUID()));
        }
        Launcher.Result statements = launcher.run("client", "paperless:consume " + pdfs);
        assertEquals(0, statements.exitCode(), statements.output());
        assertEquals(PDFS, files(launcher.dataDir.resolve("media/archive")));
    }

    private static void sane(Launcher launcher) throws Exception {
        Launcher.Result sanity = launcher.run("client", "paperless:sanity --no-progress-bar");
        assertEquals(0, sanity.exitCode(), sanity.output());
    }

    /** Started, and storage and maintenance answer (the status says "finished" once every bundle is started). */
    private static void start(Launcher launcher) throws Exception {
        Launcher.Result started = launcher.run("start");
        assertEquals(0, started.exitCode(), started.output());
        Launcher.Result status = launcher.run("client", "paperless:status --no-format");
        assertTrue(status.output().contains("Startup\tfinished"), status.output());
    }

    /**
     * Runs a command that needs the consumer's filename format. Right after a start that recovered many
     * interrupted moves, the consumer's services may still be coming up (its configuration arrives after its
     * bundle started): the command then says the bundle is stopped, and is tried again for up to a minute.
     */
    private static Launcher.Result untilConsumptionIsUp(Launcher launcher, String command) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        Launcher.Result result = launcher.run("client", command);
        while (result.exitCode() != 0 && result.output().contains("org.paperless.consumer bundle is stopped")
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
            result = launcher.run("client", command);
        }
        return result;
    }

    private static void ok(Launcher launcher, String command) throws Exception {
        Launcher.Result result = launcher.run("client", command);
        assertEquals(0, result.exitCode(), command + ": " + result.output());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, what + " within a minute");
            Thread.sleep(200);
        }
    }

    private static String scheduled(Launcher launcher) {
        try {
            return launcher.run("client", "scheduler:list").output();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long sanityRuns(Launcher launcher) {
        return tasks(launcher).lines().filter(l -> l.contains("\tscheduled\tsanity-check\t")).count();
    }

    private static String tasks(Launcher launcher) {
        try {
            Launcher.Result tasks = launcher.run("client", "paperless:tasks --limit 1000 --no-format");
            assertEquals(0, tasks.exitCode(), tasks.output());
            return tasks.output();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long documentsIn(String summary) {
        Matcher m = Pattern.compile("(\\d+) documents:").matcher(summary);
        assertTrue(m.find(), summary);
        return Long.parseLong(m.group(1));
    }

    private static long lastArchived(Path checkpoint) {
        try {
            return Long.parseLong(Files.readString(checkpoint).strip());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }



}
