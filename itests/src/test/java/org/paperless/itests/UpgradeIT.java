package org.paperless.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Upgrade to the next version the build makes (next/: every bundle at 0.1.1, migration 7) and back, in a
 * running instance started by ./paperless, while files are being consumed: Derby through the KAR and
 * paperless:upgrade / paperless:rollback, PostgreSQL through its feature repository and the plain Karaf steps
 * for the way back (paperless:migrate, feature:install --upgrade). Nothing lost either way: every document,
 * every original's checksum, a search, a clean sanity check.
 */
class UpgradeIT {

    private static final int SCHEMA_NOW = FixtureNames.NEWEST_SCHEMA;
    private static final int SCHEMA_NEXT = SCHEMA_NOW + 1;

    private static Path next() {
        return Launcher.root().resolve("next/target");
    }

    private static String nextVersion() throws IOException {
        try (Stream<Path> files = Files.list(next())) {
            String kar = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("paperless-.*\\.kar"))
                    .findFirst().orElseThrow(() -> new AssertionError("build next/ first: no KAR in " + next()));
            return kar.substring("paperless-".length(), kar.length() - ".kar".length());
        }
    }

    private static Path freshDataDir() {
        return Paths.get("target/launcher-data/" + UUID.randomUUID()).toAbsolutePath();
    }

    @Test
    void derbyUpgradesFromTheKarAndRollsBackWhileFilesFlow() throws Exception {
        String nextVersion = nextVersion();
        Launcher launcher = new Launcher(freshDataDir(), Map.of("PAPERLESS_CONSUMER_POLLING", "1"));
        roundTrip(launcher, "paperless:upgrade " + next().resolve("paperless-" + nextVersion + ".kar"), nextVersion,
                current -> List.of("paperless:rollback " + current));
    }

    @Test
    void postgresqlUpgradesFromAFeatureRepositoryAndGoesBackWithPlainKarafSteps() throws Exception {
        String nextVersion = nextVersion();
        URI db = URI.create(TestPostgres.freshDatabase().substring("jdbc:".length()));
        Launcher launcher = new Launcher(freshDataDir(), Map.of(
                "PAPERLESS_CONSUMER_POLLING", "1",
                "PAPERLESS_DBHOST", db.getHost(),
                "PAPERLESS_DBPORT", Integer.toString(db.getPort()),
                "PAPERLESS_DBNAME", db.getPath().substring(1),
                "PAPERLESS_DBUSER", TestPostgres.USER,
                "PAPERLESS_DBPASS", TestPostgres.PASSWORD));
        Path repository = next().resolve("repository");
        Path features = repository.resolve("org/paperless/paperless-features/" + nextVersion
                + "/paperless-features-" + nextVersion + "-features.xml");
        roundTrip(launcher,
                // The administrator's own Maven repository holds the new version; Karaf is told where it is. Karaf keeps
                // what it fetches in a local repository: this instance's own, not ~/.m2, where a released version is
                // never fetched again (the next module's 0.1.1 changes from build to build).
                List.of("config:property-set -p org.ops4j.pax.url.mvn org.ops4j.pax.url.mvn.localRepository "
                        + launcher.dataDir.resolve("m2"),
                        "config:property-set -p org.ops4j.pax.url.mvn org.ops4j.pax.url.mvn.repositories "
                        + "'" + repository.toUri() + "@id=paperless-next'",
                        "feature:repo-add " + features.toUri(),
                        "paperless:upgrade " + features.toUri()),
                nextVersion,
                current -> List.of("paperless:migrate " + SCHEMA_NOW, "feature:install --upgrade paperless/" + current));
    }

    private void roundTrip(Launcher launcher, String upgrade, String nextVersion,
            java.util.function.Function<String, List<String>> rollback) throws Exception {
        roundTrip(launcher, List.of(upgrade), nextVersion, rollback);
    }

    private void roundTrip(Launcher launcher, List<String> upgrade, String nextVersion,
            java.util.function.Function<String, List<String>> rollback) throws Exception {
        Launcher.Result started = launcher.run("start");
        try {
            assertEquals(0, started.exitCode(), started.output());
            Path consume = launcher.dataDir.resolve("consume");
            Path prepared = Files.createDirectories(launcher.dataDir.resolve("prepared"));
            String current = value(launcher, "Version");
            assertEquals(SCHEMA_NOW + " (newest " + SCHEMA_NOW + ")", value(launcher, "Schema"));

            List<Path> first = batch(prepared, "before", 8);
            drop(first, consume).join();
            awaitConsumed(launcher, 8);
            Map<String, String> checksums = originals(launcher);
            assertEquals(8, checksums.size());

            // Up, with files arriving during the move.
            CompletableFuture<Void> during = drop(batch(prepared, "during-upgrade", 8), consume);
            for (String command : upgrade) {
                Launcher.Result up = launcher.run("client", command);
                assertEquals(0, up.exitCode(), command + ": " + up.output());
                if (command.startsWith("paperless:upgrade")) {
                    assertTrue(up.output().contains("Upgraded paperless " + current + " -> " + nextVersion), up.output());
                    assertTrue(up.output().contains("org.paperless.storage") && up.output().contains(current + " -> " + nextVersion),
                            up.output());
                    assertTrue(up.output().contains("Schema migrated " + SCHEMA_NOW + " -> " + SCHEMA_NEXT), up.output());
                }
            }
            during.join();
            at(launcher, nextVersion, SCHEMA_NEXT);
            awaitConsumed(launcher, 16);
            intact(launcher, checksums, 16);

            // Down again, with files arriving during the move.
            during = drop(batch(prepared, "during-rollback", 8), consume);
            for (String command : rollback.apply(current)) {
                Launcher.Result down = launcher.run("client", command);
                assertEquals(0, down.exitCode(), command + ": " + down.output());
                if (command.startsWith("paperless:rollback")) {
                    assertTrue(down.output().contains("Rolled back paperless " + nextVersion + " -> " + current), down.output());
                    assertTrue(down.output().contains("Schema migrated " + SCHEMA_NEXT + " -> " + SCHEMA_NOW), down.output());
                }
            }
            during.join();
            at(launcher, current, SCHEMA_NOW);
            awaitConsumed(launcher, 24);
            intact(launcher, checksums, 24);

            // The old version stays after a restart, on the schema it knows.
            assertEquals(0, launcher.run("stop").exitCode());
            Launcher.Result restarted = launcher.run("start");
            assertEquals(0, restarted.exitCode(), restarted.output());
            at(launcher, current, SCHEMA_NOW);
            intact(launcher, checksums, 24);
        } finally {
            launcher.run("stop");
        }
    }

    /** Every paperless bundle active at {@code version}, the schema where that version wants it. */
    private static void at(Launcher launcher, String version, int schema) throws Exception {
        Services.eventually(60_000, () -> {
            assertEquals(version, value(launcher, "Version"));
            assertEquals(schema + " (newest " + schema + ")", value(launcher, "Schema"));
            assertEquals(List.of(), paperlessBundlesNotAt(launcher, version), "every paperless bundle active at " + version);
            assertEquals(PAPERLESS_BUNDLES, paperlessBundlesAt(launcher, version), "every paperless bundle active at " + version);
            return null;
        });
    }

    /** Document count, the first originals' checksums, a search, the sanity check. */
    private static void intact(Launcher launcher, Map<String, String> firstChecksums, int documents) throws Exception {
        Launcher.Result list = launcher.run("client", "paperless:document-list --no-format --limit 1000");
        assertEquals(documents, list.output().lines().filter(l -> !l.isBlank()).count(), list.output());
        Map<String, String> now = originals(launcher);
        for (Map.Entry<String, String> e : firstChecksums.entrySet()) {
            assertEquals(e.getValue(), now.get(e.getKey()), "checksum of " + e.getKey());
        }
        Launcher.Result search = Services.eventually(60_000, () -> {
            Launcher.Result r = launcher.run("client", "paperless:search --no-format --limit 100 zeppelin");
            if (r.output().lines().filter(l -> !l.isBlank()).count() != documents) {
                throw new AssertionError("the index has not caught up: " + r.output());
            }
            return r;
        });
        assertEquals(0, search.exitCode(), search.output());
        Launcher.Result sanity = launcher.run("client", "paperless:sanity --no-progress-bar");
        assertEquals(0, sanity.exitCode(), sanity.output());
        assertTrue(sanity.output().contains("No issues detected"), sanity.output());
    }

    private static List<Path> batch(Path prepared, String name, int count) throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = "Zeppelin letter " + name + " " + i + " " + UUID.randomUUID();
            Path file;
            if (i % 2 == 0) {
                file = prepared.resolve(name + "-" + i + ".pdf");
                Fixtures.writePdf(file, null, text, "Second page of " + name + " " + i);
            } else {
                file = prepared.resolve(name + "-" + i + ".txt");
                Files.writeString(file, text + "\n");
            }
            files.add(file);
        }
        return files;
    }

    /** Moves the files into the consume folder one at a time, 300 ms apart, in the background. */
    private static CompletableFuture<Void> drop(List<Path> files, Path consume) {
        return CompletableFuture.runAsync(() -> {
            try {
                for (Path file : files) {
                    Files.move(file, consume.resolve(file.getFileName()));
                    Thread.sleep(300);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void awaitConsumed(Launcher launcher, int documents) throws Exception {
        Path consume = launcher.dataDir.resolve("consume");
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline && (files(consume).size() > 0 || files(launcher.dataDir.resolve("media/originals")).size() < documents)) {
            Thread.sleep(250);
        }
        assertEquals(List.of(), files(consume), "every file taken");
        Path failed = consume.resolve("failed");
        assertFalse(Files.exists(failed) && !files(failed).isEmpty(), "nothing refused: " + (Files.exists(failed) ? files(failed) : ""));
        assertEquals(documents, files(launcher.dataDir.resolve("media/originals")).size(), "one original per file");
    }

    /** The originals' SHA-256 by file name. */
    private static Map<String, String> originals(Launcher launcher) throws Exception {
        Map<String, String> sums = new TreeMap<>();
        for (Path file : files(launcher.dataDir.resolve("media/originals"))) {
            sums.put(file.getFileName().toString(),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        }
        return sums;
    }

    /** The paperless bundles of the distribution's "paperless" feature (the REST API's two included). */
    private static final int PAPERLESS_BUNDLES = 17;

    /** Name, state and version of each paperless bundle that is not active at the version. */
    private static List<String> paperlessBundlesNotAt(Launcher launcher, String version) throws Exception {
        Launcher.Result bundles = launcher.run("client", "bundle:list -s --no-format");
        return bundles.output().lines().map(l -> l.split("\t")).filter(f -> f.length >= 5)
                .filter(f -> f[4].trim().startsWith("org.paperless.") && !(f[1].trim().equals("Active")
                        && f[3].trim().equals(version)))
                .map(f -> f[4].trim() + " " + f[1].trim() + " " + f[3].trim()).toList();
    }

    private static long paperlessBundlesAt(Launcher launcher, String version) throws Exception {
        Launcher.Result bundles = launcher.run("client", "bundle:list -s --no-format");
        // id, state, start level, version, symbolic name; tab-separated, padded
        return bundles.output().lines().map(l -> l.split("\t")).filter(f -> f.length >= 5)
                .filter(f -> f[4].trim().startsWith("org.paperless.") && f[1].trim().equals("Active")
                        && f[3].trim().equals(version))
                .count();
    }

    /** One row of paperless:status --no-format. */
    private static String value(Launcher launcher, String item) throws Exception {
        Launcher.Result status = launcher.run("client", "paperless:status --no-format");
        assertEquals(0, status.exitCode(), status.output());
        return status.output().lines().filter(l -> l.startsWith(item + "\t")).map(l -> l.substring(item.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no " + item + " in " + status.output()));
    }

    /** Regular files directly in a folder (not its subfolders). */
    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
