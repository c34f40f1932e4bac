package org.paperless.consumer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.Document;
import org.paperless.api.consumer.ConsumptionException;
import org.paperless.api.consumer.DocumentConsumer.Outcome;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParsedDocument;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.DocumentRepository.FileStep;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;

/**
 * A store that loses a passing conflict in the database (a deadlock, a lock timeout) is undone and made again,
 * up to three times, instead of refusing the document. The database fails the commit after the files were
 * written, the worst moment: they and the journal entry must go, the turn is passed twice.
 */
class StoreRetryTest {

    private static final DocumentParser TEXT = (file, mime) -> new ParsedDocument(read(file), 1, null, null);

    @TempDir
    Path dir;

    private final AtomicInteger creates = new AtomicInteger();

    @Test
    void aDocumentWhoseCommitLostAConflictIsStoredAgainWhileTheNextOneIsStored() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        ConsumerComponent consumer = start(paperless, attempt -> attempt == 1 ? lockTimeout() : null);
        Path first = Files.writeString(dir.resolve("first.txt"), "First letter");
        Path second = Files.writeString(dir.resolve("second.txt"), "Second letter");

        List<Outcome> outcomes = new ArrayList<>();
        consumer.consumeAll(List.of(first, second), null, outcomes::add);

        assertEquals(2, outcomes.size());
        outcomes.forEach(o -> assertNull(o.failure(), () -> "refused: " + o.failure()));
        assertEquals(3, creates.get(), "the first document was stored twice, the second once");
        assertEquals(2, paperless.documents.count());
        Set<String> stored = new TreeSet<>();
        paperless.documents.stored.forEach(d -> stored.add(d.filename()));
        assertEquals(stored, originals(paperless), "the files of the undone attempt are gone");
        assertEquals("First letter", Files.readString(paperless.media.resolve(MediaArea.ORIGINALS,
                outcomes.get(0).document().filename())));
        assertFalse(Files.exists(first));
        assertFalse(Files.exists(paperless.consume.resolve("failed")));
        assertEquals(0, journalEntries(paperless), "the entry of the undone attempt is closed too");
    }

    @Test
    void aDocumentIsRefusedWhenTheConflictOutlastsThreeStores() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        ConsumerComponent consumer = start(paperless, attempt -> lockTimeout());
        Path letter = Files.writeString(dir.resolve("letter.txt"), "A letter");

        ConsumptionException refused = assertThrows(ConsumptionException.class, () -> consumer.consume(letter, null));

        assertTrue(refused.getMessage().contains("rolled back"), refused.getMessage());
        assertEquals(StoreStep.ATTEMPTS, creates.get());
        assertEquals(0, paperless.documents.count());
        assertEquals(Set.of(), originals(paperless));
        assertTrue(Files.exists(paperless.failed("letter.txt")));
        assertEquals(0, journalEntries(paperless));
    }

    @Test
    void anotherFailureOfTheDatabaseIsNotStoredAgain() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        // A constraint violation stays one whatever the number of tries.
        ConsumerComponent consumer = start(paperless, attempt -> new IllegalStateException("rolled back",
                new SQLException("The statement was aborted because it would have caused a duplicate key value", "23505")));
        Path letter = Files.writeString(dir.resolve("letter.txt"), "A letter");

        assertThrows(ConsumptionException.class, () -> consumer.consume(letter, null));

        assertEquals(1, creates.get());
        assertEquals(Set.of(), originals(paperless));
    }

    /** What the repository throws when Derby times out on a lock: the driver's exception among the causes. */
    private static RuntimeException lockTimeout() {
        return new IllegalStateException("The transaction has been rolled back", new IllegalStateException(
                "Unable to obtain an object lock", new SQLTransactionRollbackException(
                        "A lock could not be obtained within the time requested", "40XL1", 30000)));
    }

    /**
     * The consumer over the test instance's documents, whose commit fails once the files are written with
     * what {@code failure} gives for the n-th create (null: it succeeds).
     */
    private ConsumerComponent start(TestInstance paperless, IntFunction<RuntimeException> failure) {
        DocumentRepository real = paperless.documents;
        DocumentRepository failing = (DocumentRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DocumentRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("create") && args.length == 2) {
                        RuntimeException fails = failure.apply(creates.incrementAndGet());
                        FileStep files = (FileStep) args[1];
                        return real.create((Document) args[0], withId -> {
                            Document named = files.write(withId);
                            if (fails != null) {
                                throw fails;
                            }
                            return named;
                        });
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ConsumerComponent consumer = new ConsumerComponent(failing, paperless.media, paperless.folders,
                TestInstance.empty(CorrespondentRepository.class), TestInstance.empty(DocumentTypeRepository.class),
                TestInstance.empty(TagRepository.class), TestInstance.empty(StoragePathRepository.class),
                TestInstance.config(Map.of("parallelism", "2")));
        consumer.addParser(TEXT, Map.<String, Object>of(DocumentParser.MIME_TYPES, "text/plain"));
        return consumer;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> originals(TestInstance paperless) throws IOException {
        Path folder = paperless.media.resolve(MediaArea.ORIGINALS, "x").getParent();
        Set<String> names = new TreeSet<>();
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                files.forEach(f -> names.add(f.getFileName().toString()));
            }
        }
        return names;
    }

    private static long journalEntries(TestInstance paperless) throws IOException {
        Path journal = paperless.data.resolve("tmp/journal");
        if (!Files.isDirectory(journal)) {
            return 0;
        }
        try (var entries = Files.list(journal)) {
            return entries.count();
        }
    }
}
