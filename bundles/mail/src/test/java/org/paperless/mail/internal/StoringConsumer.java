package org.paperless.mail.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.paperless.api.Document;
import org.paperless.api.consumer.ConsumeOverrides;
import org.paperless.api.consumer.ConsumptionException;
import org.paperless.api.consumer.DocumentConsumer;

/**
 * A consumer that keeps each file's bytes as a document, as the real one does in the ways the fetcher relies
 * on: the source is removed once stored; a refused file (a duplicate by SHA-256, or one the test refuses) is
 * moved to a failed folder and the exception says where.
 */
final class StoringConsumer implements DocumentConsumer {

    record Stored(long id, String name, byte[] bytes, String sha256, ConsumeOverrides overrides) {
    }

    private final List<Stored> stored = new ArrayList<>();
    private final Path failed;
    private long nextId = 1;
    /** Files whose name this matches are refused. */
    volatile Predicate<String> refuse = name -> false;
    /** Runs before each file is read (a test stops the fetch there). */
    volatile Consumer<Path> before = file -> { };
    /**
     * Whether the files given together are read side by side, each on a thread of its own, and stored as each
     * is read, in whatever order that is; their outcomes still come in the order given, on the caller's thread.
     * Unset, they are consumed one after the other.
     */
    volatile boolean sideBySide;

    StoringConsumer(Path failed) {
        this.failed = failed;
    }

    @Override
    public Document consume(Path file, ConsumeOverrides overrides) {
        before.accept(file);
        String name = file.getFileName().toString();
        try {
            byte[] bytes = Files.readAllBytes(file);
            String sha = sha256(bytes);
            synchronized (this) {
                if (refuse.test(name)) {
                    throw refused(file, "Refused by the test");
                }
                Optional<Long> duplicate = documentWith(sha);
                if (duplicate.isPresent()) {
                    throw refused(file, "It is a duplicate of document " + duplicate.get());
                }
                long id = nextId++;
                stored.add(new Stored(id, name, bytes, sha, overrides));
                Files.delete(file);
                String title = overrides.title() != null ? overrides.title() : FileNames.stem(name);
                return new Document(id, title, "", null, null, null, null, LocalDate.now(), Instant.now(), Instant.now(),
                        sha, null, null, null, null, name, "application/octet-stream", 1, null, null, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void consumeEach(List<Request> requests, Consumer<Outcome> each) throws InterruptedException {
        if (!sideBySide) {
            DocumentConsumer.super.consumeEach(requests, each);
            return;
        }
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, requests.size()));
        try {
            List<Future<Document>> reading = requests.stream()
                    .map(r -> threads.submit(() -> consume(r.file(), r.overrides()))).toList();
            for (int i = 0; i < requests.size(); i++) {
                Path file = requests.get(i).file();
                try {
                    each.accept(new Outcome(file, reading.get(i).get(), null));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof ConsumptionException refused)) {
                        throw new IllegalStateException(e.getCause());
                    }
                    each.accept(new Outcome(file, null, refused));
                }
            }
        } finally {
            threads.shutdown();
        }
    }

    private ConsumptionException refused(Path file, String reason) throws IOException {
        Files.createDirectories(failed);
        Path kept = failed.resolve(file.getFileName().toString() + "-" + System.nanoTime());
        Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
        return new ConsumptionException(reason, kept, null);
    }

    synchronized Optional<Long> documentWith(String sha256) {
        return stored.stream().filter(s -> s.sha256().equals(sha256)).map(Stored::id).findFirst();
    }

    synchronized List<Stored> stored() {
        return List.copyOf(stored);
    }

    synchronized List<String> names() {
        return stored.stream().map(Stored::name).toList();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
