package org.paperless.consumer.internal;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.paperless.api.consumer.ConsumptionException;
import org.paperless.api.consumer.ConsumptionPause;

/**
 * Which files may be consumed now: the file must exist, consumption must be neither paused (an import) nor
 * closing (the component goes away), and nobody else may be consuming the same file. Counts the files let
 * in, so a pause and a closing component can wait for them.
 */
final class Admission {

    /**
     * One per bundle, not per component: a configuration change makes a new component, and an import's
     * pause must hold across it.
     */
    private static final ConsumptionGate GATE = new ConsumptionGate();

    /** The watcher and paperless:consume may reach for the same file at once; one of them wins. */
    private final Set<Path> inProgress = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    /**
     * @return the file's normalised path; the caller consumes it, then {@link #release}s it
     * @throws ConsumptionException why not (a {@link ConsumptionPausedException} when it is paused or closing)
     */
    Path admit(Path file) {
        Path source = file.toAbsolutePath().normalize();
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new ConsumptionException("No such file: " + source, null, null);
        }
        if (closing) {
            throw new ConsumptionPausedException(source, "the consumer restarts");
        }
        String paused = GATE.enter();
        if (paused != null) {
            throw new ConsumptionPausedException(source, paused);
        }
        if (!inProgress.add(source)) {
            GATE.leave();
            throw new ConsumptionException(source + " is being consumed already", null, null);
        }
        return source;
    }

    void release(Path source) {
        inProgress.remove(source);
        GATE.leave();
    }

    ConsumptionPause.Held pause(String reason, Duration timeout) throws InterruptedException {
        return GATE.pause(reason, timeout);
    }

    /** Why no file is let in now (an import, the component going away), or null. */
    String pausedFor() {
        return closing ? "the consumer restarts" : GATE.pausedFor();
    }

    /** Lets no new file in and waits for those in flight; false when some were still running at the timeout. */
    boolean close(Duration timeout) throws InterruptedException {
        closing = true;
        return GATE.drain(timeout);
    }
}
