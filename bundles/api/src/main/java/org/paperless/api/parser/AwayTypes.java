package org.paperless.api.parser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.paperless.api.runtime.ServiceWait;

/** The MIME types whose parser went away with a bundle that may come back, and the tasks waiting for them. */
final class AwayTypes {

    private record Away(Bundle bundle, long since) {
    }

    private final Map<String, Away> types = new HashMap<>();
    private final Map<String, Integer> waiting = new HashMap<>();
    private final Supplier<List<String>> reporter = this::report;
    private boolean closed;

    AwayTypes(boolean shownInStatus) {
        if (shownInStatus) {
            ServiceWait.register(reporter);
        }
    }

    synchronized void left(DocumentParser parser, List<String> parserTypes) {
        Away away = new Away(ServiceWait.providerOf(parser), System.nanoTime());
        parserTypes.forEach(type -> types.put(type, away));
    }

    /** A parser came: whatever waits looks again; types of its bundle are back. */
    synchronized void arrived(DocumentParser parser) {
        Bundle bundle = ServiceWait.providerOf(parser);
        types.values().removeIf(away -> away.bundle() != null && away.bundle().equals(bundle));
        notifyAll();
    }

    Optional<DocumentParser> await(String mime, Duration limit, Supplier<Optional<DocumentParser>> lookup)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (this) {
            waiting.merge(mime, 1, Integer::sum);
            try {
                while (true) {
                    Optional<DocumentParser> parser = lookup.get();
                    if (parser.isPresent()) {
                        return parser;
                    }
                    Away away = types.get(mime);
                    long left = deadline - System.nanoTime();
                    if (away == null || !ServiceWait.mayComeBack(away.bundle()) || left <= 0) {
                        return Optional.empty();
                    }
                    if (closed) {
                        throw new InterruptedException("The component waiting for a parser of " + mime + " is stopping");
                    }
                    wait(Math.max(1, Math.min(ServiceWait.POLL_MILLIS, left / 1_000_000)));
                }
            } finally {
                waiting.merge(mime, -1, Integer::sum);
                waiting.remove(mime, 0);
            }
        }
    }

    synchronized String absence(String mime) {
        Away away = types.get(mime);
        if (away == null || !ServiceWait.mayComeBack(away.bundle())) {
            types.remove(mime); // uninstalled: as if it had never been there
            return null;
        }
        return "its parser went away: " + ServiceWait.describe(away.bundle());
    }

    synchronized List<String> report() {
        List<String> lines = new ArrayList<>();
        types.forEach((type, away) -> {
            if (ServiceWait.mayComeBack(away.bundle())) {
                int n = waiting.getOrDefault(type, 0);
                lines.add("parser for " + type + ": away for " + (System.nanoTime() - away.since()) / 1_000_000_000L
                        + " s (" + ServiceWait.describe(away.bundle()) + "), " + n + (n == 1 ? " task waits" : " tasks wait")
                        + " for it");
            }
        });
        return lines;
    }

    synchronized void close() {
        closed = true;
        ServiceWait.unregister(reporter);
        notifyAll();
    }
}
