package org.paperless.consumer.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one consume script: with only the environment it is given, its output (stdout and stderr) read
 * as it comes so a full pipe never blocks it, only the tail kept, and on timeout the script and every
 * process it started are killed.
 */
final class ScriptProcess {

    /** The most of a script's output kept for the log and the reason. */
    static final int TAIL_BYTES = 8 * 1024;

    private static final long MAX_IDLE_MILLIS = 20;

    record Result(int exitCode, String output, boolean timedOut) {
    }

    private ScriptProcess() {
    }

    static Result run(Path script, Map<String, String> environment, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(script.toString()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        OutputTail tail = new OutputTail(TAIL_BYTES);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (InputStream out = process.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            boolean exited = false;
            int idle = 0;
            while (true) {
                if (System.nanoTime() > deadline) {
                    if (process.isAlive()) {
                        killTree(process);
                        return new Result(-1, tail.toString(), true);
                    }
                    break; // exited, but something it left behind still writes: stop listening
                }
                int available = out.available();
                if (available > 0) {
                    int n = out.read(buffer, 0, Math.min(available, buffer.length));
                    tail.append(buffer, Math.max(n, 0));
                    idle = 0;
                } else if (exited) {
                    break;
                } else {
                    // One more look at the pipe after the exit, for what was written just before it.
                    exited = !process.isAlive();
                    if (!exited) {
                        // Soon while output flows (a full pipe stalls the script), rarely while it is quiet.
                        Thread.sleep(Math.min(MAX_IDLE_MILLIS, 1L << Math.min(idle++, 5)));
                    }
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            killTree(process);
            throw e;
        }
        return new Result(process.waitFor(), tail.toString(), false);
    }

    /**
     * The children first, repeatedly, while the script still lives to be asked about them: once it is
     * gone, its children belong to init and cannot be found from here any more.
     */
    static void killTree(Process process) throws InterruptedException {
        for (int round = 0; round < 10 && process.isAlive(); round++) {
            List<ProcessHandle> descendants = process.descendants().toList();
            if (descendants.isEmpty()) {
                break;
            }
            descendants.forEach(ProcessHandle::destroyForcibly);
            Thread.sleep(10);
        }
        List<ProcessHandle> last = process.descendants().toList();
        process.destroyForcibly();
        last.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
