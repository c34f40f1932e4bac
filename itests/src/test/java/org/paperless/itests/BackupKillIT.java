package org.paperless.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.paperless.itests.KilledInstance.background;
import static org.paperless.itests.KilledInstance.files;
import static org.paperless.itests.KilledInstance.killWhen;

import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of an export and of an import, on the real distribution started by the
 * launcher, then the same command again: nothing lost, nothing half-imported.
 */
class BackupKillIT {

    private static Path fresh(String what) {
        return Paths.get("target/launcher-data/" + what + "-" + UUID.randomUUID()).toAbsolutePath();
    }

    @Test
    void killedExportsAndImportsLoseNothingAndLeaveNothingHalfDone() throws Exception {
        Path export = fresh("export");
        Launcher source = new Launcher(fresh("source"), Map.of());
        byte[] manifest;
        try {
            assertEquals(0, source.run("start").exitCode());
            consume(source, "first", 100);
            Launcher.Result first = source.run("client", "paperless:export --no-progress-bar " + export);
            assertEquals(0, first.exitCode(), first.output());
            manifest = Files.readAllBytes(export.resolve("manifest.json"));
            consume(source, "second", 500);

            long before = files(export);
            CompletableFuture<Launcher.Result> running = background(source, "paperless:export --no-progress-bar " + export);
            killWhen(source, () -> files(export) > before + 40);
            assertNotEquals(0, running.get().exitCode(), "the export was killed, not finished");
            assertArrayEquals(manifest, Files.readAllBytes(export.resolve("manifest.json")),
                    "the previous export's manifest is untouched");

            assertEquals(0, source.run("start").exitCode());
            Launcher.Result check = source.run("client", "paperless:export --verify --no-progress-bar " + export);
            assertFalse(check.output().contains("missing:") || check.output().contains("changed:"),
                    "every file of the previous export is there as it was: " + check.output());
            Launcher.Result again = source.run("client", "paperless:export --no-progress-bar " + export);
            assertEquals(0, again.exitCode(), again.output());
            assertTrue(again.output().contains("Exported 600 documents"), again.output());
            Launcher.Result verified = source.run("client", "paperless:export --verify --no-progress-bar " + export);
            assertEquals(0, verified.exitCode(), verified.output());

            // What cron sees when an export cannot be written: a non-zero exit status and the reason.
            Path blocked = Files.writeString(source.dataDir.resolve("not-a-folder"), "a file where the export should go");
            Launcher.Result failed = source.run("client", "paperless:export --no-progress-bar " + blocked.resolve("export"));
            assertNotEquals(0, failed.exitCode(), failed.output());
            assertTrue(failed.output().contains("not-a-folder"), failed.output());
            try (Stream<Path> all = Files.walk(export)) {
                assertEquals(List.of(), all.filter(p -> p.getFileName().toString().endsWith(".export-part")).toList());
            }
        } finally {
            source.run("stop");
        }

        Launcher target = new Launcher(fresh("target"), Map.of());
        try {
            assertEquals(0, target.run("start").exitCode());
            Path originals = target.dataDir.resolve("media/originals");
            CompletableFuture<Launcher.Result> running = background(target, "paperless:import --no-progress-bar " + export);
            killWhen(target, () -> files(originals) > 40);
            assertNotEquals(0, running.get().exitCode(), "the import was killed, not finished");

            assertEquals(0, target.run("start").exitCode());
            assertTrue(status(target).contains("Documents\t0"), "nothing of the killed import is in the database");
            assertEquals(0, files(target.dataDir.resolve("media")), "and none of its files is in the media folder");
            assertFalse(Files.exists(target.dataDir.resolve("import.journal")));

            Launcher.Result imported = target.run("client", "paperless:import --no-progress-bar " + export);
            assertEquals(0, imported.exitCode(), imported.output());
            assertTrue(status(target).contains("Documents\t600"));
            assertEquals(1200, files(target.dataDir.resolve("media")), "an original and a thumbnail per document");
        } finally {
            target.run("stop");
        }
    }

    private static void consume(Launcher launcher, String batch, int count) throws Exception {
        Path folder = Files.createDirectories(launcher.dataDir.resolve("prepared-" + batch));
        for (int i = 0; i < count; i++) {
            Files.writeString(folder.resolve(batch + "-" + i + ".txt"),
                    "Letter " + i + " of the " + batch + " batch, " + UUID.randomUUID() + "\n" + "Lorem ipsum ".repeat(2000));
        }
        Launcher.Result consumed = launcher.run("client", "paperless:consume " + folder);
        assertEquals(0, consumed.exitCode(), consumed.output());
    }



    private static String status(Launcher launcher) throws Exception {
        return launcher.run("client", "paperless:status --no-format").output();
    }

}
