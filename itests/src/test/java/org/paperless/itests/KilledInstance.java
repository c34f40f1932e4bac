package org.paperless.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Running a console command in the background and killing the instance under it, for the crash tests. */
final class KilledInstance {

    private KilledInstance() {
    }

    static CompletableFuture<Launcher.Result> background(Launcher launcher, String command) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return launcher.run("client", command);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** kill -9 the instance as soon as the condition holds (within two minutes), and wait until it is gone. */
    static void killWhen(Launcher launcher, BooleanSupplier condition) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "the work never got far enough to be killed");
            Thread.sleep(5);
        }
        long pid = Long.parseLong(Files.readString(launcher.dataDir.resolve("karaf/karaf.pid")).strip());
        new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            Thread.sleep(50);
        }
    }

    /** The regular files under a folder, 0 when there is none. */
    static long files(Path folder) {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0; // a folder removed while walking: look again
        }
    }
}
