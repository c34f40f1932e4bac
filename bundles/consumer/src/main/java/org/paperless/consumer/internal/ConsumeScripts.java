package org.paperless.consumer.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pre- and post-consume scripts of paperless-ngx: the pre-consume script may change the working
 * copy and refuses the file when it fails; the post-consume script learns about the stored document,
 * and its failure is only logged (the document is stored by then).
 */
final class ConsumeScripts {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumeScripts.class);
    private static final long TIMEOUT_MINUTES = 5;

    private final Path pre;
    private final Path post;

    ConsumeScripts(String pre, String post) {
        this.pre = pre == null ? null : Path.of(pre);
        this.post = post == null ? null : Path.of(post);
    }

    void beforeConsumption(Path source, Path workingCopy, String taskId) throws Refusal {
        if (pre == null) {
            return;
        }
        Result r = run(pre, Map.of("DOCUMENT_SOURCE_PATH", source.toString(),
                "DOCUMENT_WORKING_PATH", workingCopy.toString(), "TASK_ID", taskId));
        if (r.exitCode() != 0) {
            throw new Refusal("The pre-consume script " + pre + " failed with exit code " + r.exitCode()
                    + (r.output().isBlank() ? "" : ": " + r.output().strip()));
        }
    }

    void afterConsumption(Map<String, String> documentEnvironment) {
        if (post == null) {
            return;
        }
        try {
            Result r = run(post, documentEnvironment);
            if (r.exitCode() != 0) {
                LOG.warn("The post-consume script {} failed with exit code {}: {}", post, r.exitCode(), r.output().strip());
            }
        } catch (Refusal e) {
            LOG.warn(e.getMessage());
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path script, Map<String, String> env) throws Refusal {
        if (!Files.isExecutable(script)) {
            throw new Refusal("The consume script " + script + " does not exist or is not executable");
        }
        try {
            Path log = Files.createTempFile("paperless-script", ".log");
            try {
                ProcessBuilder pb = new ProcessBuilder(script.toString()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new Refusal("The consume script " + script + " did not finish within " + TIMEOUT_MINUTES + " minutes");
                }
                String output = Files.readString(log, StandardCharsets.UTF_8);
                if (!output.isBlank()) {
                    LOG.info("{}: {}", script.getFileName(), output.strip());
                }
                return new Result(p.exitValue(), output.length() > 2000 ? output.substring(0, 2000) : output);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new Refusal("The consume script " + script + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal("Interrupted while the consume script " + script + " ran", e);
        }
    }
}
