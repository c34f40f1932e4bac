package org.paperless.consumer.internal;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.paperless.api.Document;
import org.paperless.api.consumer.ConsumptionException;
import org.paperless.api.consumer.DocumentConsumer.Outcome;
import org.paperless.api.consumer.DocumentConsumer.Request;

/**
 * Files given at once (paperless:consume FOLDER, the pieces of a few mails), each with its own overrides: read side by side on the consumer's threads, stored in
 * the order given, each file's outcome reported in that order as soon as it and those before it are known.
 */
public final class Batch {

    private Batch() {
    }

    static void consume(FolderConsumer consumer, List<Request> requests, Consumer<Outcome> each)
            throws InterruptedException {
        ArrivalOrder order = consumer.newArrivalOrder();
        Deque<Map.Entry<Path, CompletableFuture<Document>>> pending = new ArrayDeque<>();
        for (Request request : requests) {
            // Waits while a window's worth of the batch is in flight.
            pending.add(Map.entry(request.file(), consumer.submit(order, request.file(), null, request.overrides())));
            while (!pending.isEmpty() && pending.peek().getValue().isDone()) {
                each.accept(outcome(pending.poll()));
            }
        }
        while (!pending.isEmpty()) {
            each.accept(outcome(pending.poll()));
        }
    }

    private static Outcome outcome(Map.Entry<Path, CompletableFuture<Document>> pending) throws InterruptedException {
        try {
            return new Outcome(pending.getKey(), pending.getValue().get(), null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Outcome(pending.getKey(), null, cause instanceof ConsumptionException c ? c
                    : new ConsumptionException("Consumption failed: " + cause, null, cause));
        }
    }
}
