package org.paperless.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Drives the ./paperless script the way a user or cron does, on a data folder and ssh port of its own. */
final class Launcher {

    record Result(int exitCode, String output) {
    }

    final Path dataDir;
    final int sshPort;
    final int httpPort;
    private final Map<String, String> extraEnv;

    Launcher(Path dataDir, Map<String, String> extraEnv) {
        this.dataDir = dataDir;
        this.sshPort = KarafOptions.freePort();
        this.httpPort = KarafOptions.freePort();
        this.extraEnv = extraEnv;
    }

    static Path root() {
        return Paths.get(System.getProperty("paperless.root", "..")).toAbsolutePath().normalize();
    }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(root().resolve("paperless").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("PAPERLESS_DATA_DIR", dataDir.toString());
        pb.environment().put("PAPERLESS_SSH_PORT", Integer.toString(sshPort));
        pb.environment().put("PAPERLESS_PORT", Integer.toString(httpPort));
        pb.environment().put("PAPERLESS_SKIP_SETUP", "1");
        pb.environment().remove("PAPERLESS_ADMIN_USER");
        pb.environment().remove("PAPERLESS_ADMIN_PASSWORD");
        pb.environment().putAll(extraEnv);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("./paperless " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    String credential(String key) throws IOException {
        for (String line : Files.readAllLines(dataDir.resolve("security/admin.credentials"))) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1);
            }
        }
        throw new AssertionError("no " + key + " in the credentials file");
    }
}
