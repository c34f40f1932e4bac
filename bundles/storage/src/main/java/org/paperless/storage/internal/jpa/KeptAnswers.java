package org.paperless.storage.internal.jpa;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Answers read from the database, kept until this bundle next writes to it ({@link StoreChanges}): the REST
 * API's lists and pages ask the same again and again between two changes. Each answer is kept under the
 * generation it was read in, so a write makes them all stale at once, and callers asking the same while it is
 * read wait for that one reading instead of each reading it again. Bounded by a weight (ids, characters):
 * stale answers are the first to go.
 */
final class KeptAnswers<K, V> {

    private record Stamped<K>(long generation, K key) {
    }

    private final Cache<Stamped<K>, V> kept;

    KeptAnswers(long maxWeight, ToIntFunction<V> weight) {
        this.kept = Caffeine.newBuilder()
                .maximumWeight(maxWeight)
                .weigher((Stamped<K> k, V v) -> 16 + weight.applyAsInt(v))
                .build();
    }

    /** The answer read since the last write, or read now. */
    V get(K key, Function<K, V> read) {
        return kept.get(new Stamped<>(StoreChanges.generation(), key), s -> read.apply(s.key()));
    }

    /**
     * The answers for many keys: those read since the last write, the others read at once ({@code read} may
     * leave keys out, as documents gone meanwhile; those are left out of the answer too).
     */
    Map<K, V> getAll(Collection<K> keys, Function<Set<K>, Map<K, V>> read) {
        long generation = StoreChanges.generation();
        List<Stamped<K>> stamped = keys.stream().map(k -> new Stamped<>(generation, k)).toList();
        Map<Stamped<K>, V> found = kept.getAll(stamped, missing -> {
            Map<K, V> read0 = read.apply(missing.stream().map(Stamped::key).collect(Collectors.toSet()));
            Map<Stamped<K>, V> answers = new HashMap<>();
            read0.forEach((k, v) -> answers.put(new Stamped<>(generation, k), v));
            return answers;
        });
        Map<K, V> answers = new HashMap<>();
        found.forEach((s, v) -> answers.put(s.key(), v));
        return answers;
    }
}
