package org.paperless.storage.internal.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class KeptAnswersTest {

    private final AtomicInteger reads = new AtomicInteger();

    private Function<String, String> counted() {
        return key -> {
            reads.incrementAndGet();
            return key + "@" + StoreChanges.generation();
        };
    }

    @Test
    void anAnswerIsKeptUntilTheNextWrite() {
        KeptAnswers<String, String> answers = new KeptAnswers<>(1_000, String::length);
        String first = answers.get("inbox", counted());
        assertSame(first, answers.get("inbox", counted()));
        assertEquals(1, reads.get());

        StoreChanges.written();
        String after = answers.get("inbox", counted());
        assertEquals("inbox@" + StoreChanges.generation(), after);
        assertEquals(2, reads.get());
        assertSame(after, answers.get("inbox", counted()));
        assertEquals(2, reads.get());
    }

    @Test
    void callersAskingTheSameMeanwhileWaitForOneReading() throws Exception {
        KeptAnswers<String, String> answers = new KeptAnswers<>(1_000, String::length);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Function<String, String> slow = key -> {
            reads.incrementAndGet();
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return key + " read";
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<String> first = pool.submit(() -> answers.get("tag 3", slow));
            assertEquals(true, started.await(10, TimeUnit.SECONDS));
            List<Future<String>> others = List.of(pool.submit(() -> answers.get("tag 3", slow)),
                    pool.submit(() -> answers.get("tag 3", slow)));
            Thread.sleep(200);
            release.countDown();
            assertEquals("tag 3 read", first.get(10, TimeUnit.SECONDS));
            for (Future<String> other : others) {
                assertEquals("tag 3 read", other.get(10, TimeUnit.SECONDS));
            }
            assertEquals(1, reads.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedReadingIsNotKept() {
        KeptAnswers<String, String> answers = new KeptAnswers<>(1_000, String::length);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> answers.get("tag 3", key -> {
            throw new IllegalStateException("Listing documents failed: connection refused");
        }));
        assertEquals("Listing documents failed: connection refused", e.getMessage());
        assertEquals("tag 3@" + StoreChanges.generation(), answers.get("tag 3", counted()));
        assertEquals(1, reads.get());
    }

    @Test
    void manyKeysAtOnceReadOnlyThoseNotKeptSinceTheLastWrite() {
        KeptAnswers<Long, String> answers = new KeptAnswers<>(1_000, String::length);
        AtomicInteger asked = new AtomicInteger();
        Function<java.util.Set<Long>, Map<Long, String>> read = ids -> {
            asked.addAndGet(ids.size());
            // Document 4 is gone: left out of the answer.
            return ids.stream().filter(id -> id != 4).collect(Collectors.toMap(id -> id, id -> "doc " + id));
        };
        assertEquals(Map.of(1L, "doc 1", 2L, "doc 2"), answers.getAll(List.of(1L, 2L), read));
        assertEquals(Map.of(1L, "doc 1", 2L, "doc 2", 3L, "doc 3"), answers.getAll(List.of(1L, 2L, 3L, 4L), read));
        assertEquals(4, asked.get());
        StoreChanges.written();
        answers.getAll(List.of(1L, 3L), read);
        assertEquals(6, asked.get());
    }
}
