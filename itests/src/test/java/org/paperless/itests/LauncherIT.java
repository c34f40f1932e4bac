package org.paperless.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The launcher script and the remote console on the real distribution: start, one-shot commands with
 * exit codes (as cron uses them), ssh logins, stop.
 */
class LauncherIT {

    private static Path freshDataDir() {
        return Paths.get("target/launcher-data/" + UUID.randomUUID()).toAbsolutePath();
    }

    @Test
    void startsWithGeneratedAdminRunsCommandsOverSshAndStops() throws Exception {
        Launcher launcher = new Launcher(freshDataDir(), Map.of());
        Launcher.Result started = launcher.run("start");
        try {
            assertEquals(0, started.exitCode(), started.output());
            Path credentials = launcher.dataDir.resolve("security/admin.credentials");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
            String user = launcher.credential("user");
            String password = launcher.credential("password");
            assertEquals("admin", user);
            assertNotEquals("karaf", password);
            assertFalse(Files.readString(launcher.dataDir.resolve("security/users.properties")).contains(password),
                    "users.properties must hold a hash, not the password");

            Launcher.Result status = launcher.run("client", "paperless:status --no-format");
            assertEquals(0, status.exitCode(), status.output());
            assertTrue(status.output().contains("Database\tderby"), status.output());
            // start returns only after Karaf finished its boot features: a bundle stopped now stays stopped.
            assertTrue(status.output().contains("Startup\tfinished"), status.output());
            assertTrue(status.output().contains("Data folder\t" + launcher.dataDir), status.output());

            Launcher.Result unknown = launcher.run("client", "paperless:no-such-command");
            assertNotEquals(0, unknown.exitCode(), unknown.output());
            Launcher.Result failing = launcher.run("client", "paperless:document-show 424242");
            assertNotEquals(0, failing.exitCode(), failing.output());
            assertTrue(failing.output().contains("No document with id 424242"), failing.output());
            assertFalse(status.output().contains("paperless-client-done"), status.output());
            assertClientTrustsTheCommandOverAConnectionLostAtTheEnd(launcher);

            String remote = SshLogin.run(launcher.sshPort, user, password, "paperless:tag-list");
            assertTrue(remote.contains("Name"), remote);
            assertThrows(Exception.class, () -> SshLogin.run(launcher.sshPort, "karaf", "karaf", "paperless:status"));
            assertThrows(Exception.class, () -> SshLogin.run(launcher.sshPort, user, password + "x", "paperless:status"));

            for (String folder : new String[] {"db", "media/originals", "media/archive", "media/thumbnails", "consume", "log", "karaf"}) {
                assertTrue(Files.isDirectory(launcher.dataDir.resolve(folder)), folder + " missing in the data folder");
            }
            assertTrue(Files.exists(launcher.dataDir.resolve("log/karaf.log")));
            assertOwnerOnly(launcher.dataDir);
        } finally {
            Launcher.Result stopped = launcher.run("stop");
            assertEquals(0, stopped.exitCode(), stopped.output());
        }
    }

    /**
     * Karaf closes the connection the moment a command ends: ssh sometimes fails to say goodbye then ("client_loop:
     * send disconnect: Broken pipe", exit status 255) after the command did all its work, or misses the end of
     * the output while saying 0. An ssh that always does the one or the other stands in for it: the command's own
     * outcome still decides the client's exit status, and output cut short is never taken for a success.
     */
    private static void assertClientTrustsTheCommandOverAConnectionLostAtTheEnd(Launcher launcher) throws Exception {
        Launcher breaking = withSsh(launcher, "ssh-breaks", """
                #!/bin/sh
                PATH="${PATH#*:}"
                ssh "$@"
                [ "$?" = 255 ] || echo "client_loop: send disconnect: Broken pipe" >&2
                exit 255
                """);
        Launcher.Result status = breaking.run("client", "paperless:status --no-format");
        assertEquals(0, status.exitCode(), status.output());
        assertTrue(status.output().contains("Database\tderby"), status.output());
        assertFalse(status.output().contains("paperless-client-done"), status.output());
        Launcher.Result failing = breaking.run("client", "paperless:document-show 424242");
        assertNotEquals(0, failing.exitCode(), failing.output());
        assertTrue(failing.output().contains("No document with id 424242"), failing.output());

        Launcher cutting = withSsh(launcher, "ssh-cuts", """
                #!/bin/bash
                PATH="${PATH#*:}"
                ssh "$@" | head -n -1
                exit "${PIPESTATUS[0]}"
                """);
        Launcher.Result cut = cutting.run("client", "paperless:status --no-format");
        assertNotEquals(0, cut.exitCode(), cut.output());
        assertTrue(cut.output().contains("before all of its output arrived"), cut.output());
    }

    /** The same instance, asked through a stand-in for ssh (the script, first on the PATH). */
    private static Launcher withSsh(Launcher launcher, String name, String script) throws Exception {
        Path bin = launcher.dataDir.resolveSibling(launcher.dataDir.getFileName() + "-" + name);
        Files.createDirectories(bin);
        Path ssh = bin.resolve("ssh");
        Files.writeString(ssh, script);
        Files.setPosixFilePermissions(ssh, PosixFilePermissions.fromString("rwx------"));
        return new Launcher(launcher.dataDir, Map.of("PAPERLESS_SSH_PORT", Integer.toString(launcher.sshPort),
                "PATH", bin + ":" + System.getenv("PATH"), "PAPERLESS_CLIENT_RETRY_SECONDS", "0"));
    }

    /** Documents, database, index, logs and keys: nothing in the data folder is open to other users. */
    private static void assertOwnerOnly(Path dataDir) throws java.io.IOException {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
        try (var files = Files.walk(dataDir)) {
            List<String> open = files.filter(p -> !Files.isSymbolicLink(p) && !groupAndOthers(p).equals("------"))
                    .map(p -> dataDir.relativize(p) + " " + groupAndOthers(p)).toList();
            assertEquals(List.of(), open, "files other users can reach");
        }
    }

    private static String groupAndOthers(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p)).substring(3);
        } catch (java.io.IOException e) {
            return "------"; // a temporary file that is gone
        }
    }

    /**
     * The client pins the instance's host key and heals an interrupted first call: a key pair that was
     * never registered, or a stale registration, is registered on the next call, once.
     */
    @Test
    void clientPinsTheHostKeyAndRegistersItsKeyOnce() throws Exception {
        Launcher launcher = new Launcher(freshDataDir(), Map.of());
        Launcher.Result started = launcher.run("start");
        try {
            assertEquals(0, started.exitCode(), started.output());
            Path security = launcher.dataDir.resolve("security");
            Path keys = security.resolve("keys.properties");
            String pinned = Files.readString(security.resolve("known_hosts"));
            assertTrue(pinned.startsWith("paperless ssh-rsa "), pinned);

            // As if the first call had stopped between making the key and registering it.
            Files.writeString(keys, Files.readAllLines(keys).stream().filter(l -> !l.startsWith("admin="))
                    .map(l -> l + "\n").reduce("", String::concat));
            Launcher.Result healed = launcher.run("client", "paperless:status --no-format");
            assertEquals(0, healed.exitCode(), healed.output());
            launcher.run("client", "paperless:status --no-format");
            assertEquals(1, Files.readAllLines(keys).stream().filter(l -> l.startsWith("admin=")).count(),
                    "one registration for the admin user");

            // Another server on the port: the host key no longer matches the one pinned from the data folder.
            Path hostKey = security.resolve("host.key");
            byte[] realKey = Files.readAllBytes(hostKey);
            Path otherKey = launcher.dataDir.resolve("other.key");
            Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-m", "PKCS8", "-N", "",
                    "-f", otherKey.toString()).redirectErrorStream(true).start();
            assertEquals(0, keygen.waitFor());
            Files.write(hostKey, Files.readAllBytes(otherKey));
            try {
                Launcher.Result refused = launcher.run("client", "paperless:status --no-format");
                assertEquals(255, refused.exitCode(), refused.output());
                assertTrue(refused.output().contains("its host key differs"), refused.output());
                assertFalse(refused.output().contains("Version"), refused.output());
            } finally {
                Files.write(hostKey, realKey);
            }
            Launcher.Result again = launcher.run("client", "paperless:status --no-format");
            assertEquals(0, again.exitCode(), again.output());
        } finally {
            launcher.run("stop");
        }
    }

    @Test
    void adminAccountComesFromTheEnvironmentWhenGiven() throws Exception {
        Launcher launcher = new Launcher(freshDataDir(),
                Map.of("PAPERLESS_ADMIN_USER", "alice", "PAPERLESS_ADMIN_PASSWORD", "correct-horse-battery"));
        Launcher.Result started = launcher.run("start");
        try {
            assertEquals(0, started.exitCode(), started.output());
            assertEquals("alice", launcher.credential("user"));
            String out = SshLogin.run(launcher.sshPort, "alice", "correct-horse-battery", "paperless:status");
            assertTrue(out.contains("Documents"), out);
            assertThrows(Exception.class, () -> SshLogin.run(launcher.sshPort, "admin", "correct-horse-battery", "paperless:status"));
        } finally {
            launcher.run("stop");
        }
    }

    @Test
    void environmentSwitchesToPostgresqlWithoutARebuild() throws Exception {
        java.net.URI db = java.net.URI.create(TestPostgres.freshDatabase().substring("jdbc:".length()));
        Launcher launcher = new Launcher(freshDataDir(), Map.of(
                "PAPERLESS_DBHOST", db.getHost(),
                "PAPERLESS_DBPORT", Integer.toString(db.getPort()),
                "PAPERLESS_DBNAME", db.getPath().substring(1),
                "PAPERLESS_DBUSER", TestPostgres.USER,
                "PAPERLESS_DBPASS", TestPostgres.PASSWORD));
        Launcher.Result started = launcher.run("start");
        try {
            assertEquals(0, started.exitCode(), started.output());
            Launcher.Result status = launcher.run("client", "paperless:status --no-format");
            assertEquals(0, status.exitCode(), status.output());
            assertTrue(status.output().contains("Database\tpostgresql"), status.output());
            assertTrue(status.output().contains("Schema\t" + FixtureNames.NEWEST_SCHEMA + " (newest " + FixtureNames.NEWEST_SCHEMA + ")"), status.output());
            assertFalse(status.output().contains(TestPostgres.PASSWORD + "@"), status.output());
            assertFalse(Files.exists(launcher.dataDir.resolve("db")), "no Derby database when PostgreSQL is chosen");
        } finally {
            launcher.run("stop");
        }
    }

    /** kill -9 in the middle of a batch of 50 files: after a restart each file is stored exactly once. */
    @Test
    void aKilledInstanceLosesNothingAndStoresEveryFileOnce() throws Exception {
        Launcher launcher = new Launcher(freshDataDir(),
                Map.of("PAPERLESS_CONSUMER_INOTIFY_DELAY", "1", "PAPERLESS_CONSUMER_POLLING", "2"));
        Launcher.Result started = launcher.run("start");
        try {
            assertEquals(0, started.exitCode(), started.output());
            Path consume = launcher.dataDir.resolve("consume");
            Path prepared = Files.createDirectories(launcher.dataDir.resolve("prepared"));
            java.util.Set<String> contents = new java.util.HashSet<>();
            for (int i = 0; i < 50; i++) {
                String text = "Letter " + i + " of the batch, " + UUID.randomUUID() + "\n" + "Lorem ipsum ".repeat(200);
                contents.add(text);
                Files.writeString(prepared.resolve("letter-" + i + ".txt"), text);
            }
            for (Path p : list(prepared)) {
                Files.move(p, consume.resolve(p.getFileName()));
            }
            long remaining = 50;
            long deadline = System.currentTimeMillis() + 60_000;
            while ((remaining = list(consume).size()) > 40 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            long pid = Long.parseLong(Files.readString(launcher.dataDir.resolve("karaf/karaf.pid")).strip());
            new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
            assertTrue(remaining > 0 && remaining < 50, "killed in the middle of the batch, " + remaining + " left");
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                Thread.sleep(100);
            }

            Launcher.Result restarted = launcher.run("start");
            assertEquals(0, restarted.exitCode(), restarted.output());
            deadline = System.currentTimeMillis() + 120_000;
            while (!list(consume).isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(List.of(), list(consume), "every file was taken");
            assertFalse(Files.exists(consume.resolve("failed")) && !list(consume.resolve("failed")).isEmpty(),
                    "nothing refused, no duplicates");
            List<Path> originals = list(launcher.dataDir.resolve("media/originals"));
            assertEquals(50, originals.size(), "one original per file, no stray file");
            java.util.Set<String> stored = new java.util.HashSet<>();
            for (Path p : originals) {
                stored.add(Files.readString(p));
            }
            assertEquals(contents, stored, "each file stored exactly once, bit for bit");
            assertEquals(50, list(launcher.dataDir.resolve("media/thumbnails")).size());
            Launcher.Result docs = launcher.run("client", "paperless:document-list --no-format --limit 1000");
            assertEquals(50, docs.output().lines().filter(l -> !l.isBlank()).count(), docs.output());
        } finally {
            launcher.run("stop");
        }
    }

    /**
     * kill -9 while the PDF parser's bundle is being updated and PDFs are being consumed: after a restart each file
     * is stored once, with its archive copy, and the sanity check finds nothing wrong.
     */
    @Test
    void aKillDuringABundleUpdateLosesNothing() throws Exception {
        Launcher launcher = new Launcher(freshDataDir(),
                Map.of("PAPERLESS_CONSUMER_INOTIFY_DELAY", "1", "PAPERLESS_CONSUMER_POLLING", "2"));
        Launcher.Result started = launcher.run("start");
        try {
            assertEquals(0, started.exitCode(), started.output());
            Path consume = launcher.dataDir.resolve("consume");
            Path prepared = Files.createDirectories(launcher.dataDir.resolve("prepared"));
            int count = 40;
            for (int i = 0; i < count; i++) {
                Fixtures.writePdf(prepared.resolve("letter-" + i + ".pdf"), null, "Letter " + i + " " + UUID.randomUUID(),
                        "Page two of letter " + i);
            }
            for (Path p : list(prepared)) {
                Files.move(p, consume.resolve(p.getFileName()));
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (list(consume).size() > count - 5 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            java.util.concurrent.CompletableFuture<Launcher.Result> update =
                    KilledInstance.background(launcher, "bundle:update org.paperless.parser.pdf");
            Thread.sleep(300);
            KilledInstance.killWhen(launcher, () -> true);
            update.handle((r, e) -> null).get();
            long left = list(consume).size();
            assertTrue(left > 0, "killed while files were still waiting, " + left + " left");

            Launcher.Result restarted = launcher.run("start");
            assertEquals(0, restarted.exitCode(), restarted.output());
            deadline = System.currentTimeMillis() + 180_000;
            while (!list(consume).isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(List.of(), list(consume), "every file was taken");
            assertFalse(Files.exists(consume.resolve("failed")) && !list(consume.resolve("failed")).isEmpty(),
                    "nothing refused, no duplicates");
            assertEquals(count, list(launcher.dataDir.resolve("media/originals")).size(), "one original per file");
            assertEquals(count, list(launcher.dataDir.resolve("media/archive")).size(), "one archive copy per file");
            Launcher.Result sanity = launcher.run("client", "paperless:sanity --no-progress-bar");
            assertEquals(0, sanity.exitCode(), sanity.output());
        } finally {
            launcher.run("stop");
        }
    }

    private static List<Path> list(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
