package org.paperless.consumer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pre- and post-consume scripts of paperless-ngx: the pre-consume script may change the working
 * copy and refuses the file when it fails; the post-consume script learns about the stored document,
 * and its failure is only logged (the document is stored by then). A script gets the DOCUMENT_* and
 * TASK_ID variables and a few harmless ones (PATH, locale, time zone, home): never the service's own
 * environment, which holds the database and admin passwords.
 */
final class ConsumeScripts {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    /** What a script may see of the service's environment: nothing secret, enough to run a shell script. */
    static final Set<String> INHERITED = Set.of("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR");

    private static final Logger LOG = LoggerFactory.getLogger(ConsumeScripts.class);
    private static final int REASON_CHARS = 2000;

    private final Path pre;
    private final Path post;
    private final Map<String, String> inherited;
    private final Duration timeout;

    ConsumeScripts(String pre, String post) {
        this(pre, post, System.getenv(), DEFAULT_TIMEOUT);
    }

    /** @param environment the service's environment, of which only {@link #INHERITED} is passed on */
    ConsumeScripts(String pre, String post, Map<String, String> environment, Duration timeout) {
        this.pre = pre == null ? null : Path.of(pre);
        this.post = post == null ? null : Path.of(post);
        this.inherited = new HashMap<>();
        environment.forEach((k, v) -> {
            if (INHERITED.contains(k)) {
                inherited.put(k, v);
            }
        });
        inherited.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
        this.timeout = timeout;
    }

    /** True when a pre-consume script may have changed the working copy. */
    boolean changesWorkingCopy() {
        return pre != null;
    }

    /** The variables paperless-ngx gives its pre-consume script. */
    void beforeConsumption(Path source, Path workingCopy, String taskId) throws Refusal {
        if (pre == null) {
            return;
        }
        ScriptProcess.Result r = run(pre, Map.of("DOCUMENT_SOURCE_PATH", source.toString(),
                "DOCUMENT_WORKING_PATH", workingCopy.toString(), "TASK_ID", taskId));
        if (r.exitCode() != 0) {
            throw new Refusal("The pre-consume script " + pre + " failed with exit code " + r.exitCode()
                    + (r.output().isBlank() ? "" : ": " + lastChars(r.output().strip())));
        }
    }

    void afterConsumption(Map<String, String> documentEnvironment) {
        if (post == null) {
            return;
        }
        try {
            ScriptProcess.Result r = run(post, documentEnvironment);
            if (r.exitCode() != 0) {
                LOG.warn("The post-consume script {} failed with exit code {}: {}", post, r.exitCode(), r.output().strip());
            }
        } catch (Refusal e) {
            LOG.warn(e.getMessage());
        }
    }

    private ScriptProcess.Result run(Path script, Map<String, String> variables) throws Refusal {
        if (!Files.isExecutable(script)) {
            throw new Refusal("The consume script " + script + " does not exist or is not executable");
        }
        Map<String, String> env = new HashMap<>(inherited);
        env.putAll(variables);
        try {
            ScriptProcess.Result r = ScriptProcess.run(script, env, timeout);
            if (!r.output().isBlank()) {
                LOG.info("{}: {}", script.getFileName(), r.output().strip());
            }
            if (r.timedOut()) {
                throw new Refusal("The consume script " + script + " did not finish within " + timeout.toSeconds()
                        + " s; it was stopped with every process it started");
            }
            return r;
        } catch (IOException e) {
            throw new Refusal("The consume script " + script + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal("Interrupted while the consume script " + script + " ran", e);
        }
    }

    private static String lastChars(String text) {
        return text.length() > REASON_CHARS ? "..." + text.substring(text.length() - REASON_CHARS) : text;
    }
}
