package org.paperless.consumer.internal.folder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides when a file is ready: its size and modification time must stay the same for a while, so a
 * scanner or a copy still writing it is not consumed half-written.
 */
final class StableFiles {

    /** Size, time and file key (inode): a file replaced by another under the same name is a change too. */
    record Observation(long size, long modified, Object fileKey) {
    }

    private record Seen(Observation observation, long since) {
    }

    private final long stableMillis;
    private final Map<Path, Seen> seen = new HashMap<>();

    StableFiles(long stableMillis) {
        this.stableMillis = stableMillis;
    }

    /**
     * Records what a scan found and returns the files that have been unchanged long enough. Files no
     * longer present are forgotten.
     */
    List<Path> update(Map<Path, Observation> present, long now) {
        seen.keySet().retainAll(present.keySet());
        List<Path> ready = new ArrayList<>();
        for (Map.Entry<Path, Observation> e : present.entrySet()) {
            Seen before = seen.get(e.getKey());
            if (before == null || !before.observation().equals(e.getValue())) {
                seen.put(e.getKey(), new Seen(e.getValue(), now));
            } else if (now - before.since() >= stableMillis) {
                ready.add(e.getKey());
            }
        }
        ready.sort(null);
        return ready;
    }

    /** True while some file is waiting to become stable, so the next scan should come soon. */
    boolean hasPending() {
        return !seen.isEmpty();
    }

    void forget(Set<Path> paths) {
        seen.keySet().removeAll(paths);
    }
}
