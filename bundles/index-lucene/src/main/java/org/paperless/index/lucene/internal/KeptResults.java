package org.paperless.index.lucene.internal;

import java.io.IOException;
import java.time.LocalDate;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.paperless.api.index.SearchResults;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Pages of results kept for the index version they were found in, as Solr's query result cache: the web app
 * and the mobile apps ask the same queries again, and a page with its snippets costs milliseconds of CPU. A
 * refresh that changed the index gives the searcher a new version, which makes every kept page stale.
 */
final class KeptResults {

    /** The same words mean another thing on another day ("created:[-1 week to now]"). */
    private record Key(String kind, String query, int offset, int limit, LocalDate day) {
    }

    private record Kept(long version, SearchResults results) {
    }

    @FunctionalInterface
    interface Search {
        SearchResults run() throws IOException;
    }

    private final Cache<Key, Kept> kept = Caffeine.newBuilder().maximumSize(10_000).build();

    /** The kept page if the searcher reads the same index version, else a new search (kept unless null). */
    SearchResults get(IndexSearcher searcher, String kind, String query, int offset, int limit, Search search)
            throws IOException {
        if (!(searcher.getIndexReader() instanceof DirectoryReader reader)) {
            return search.run();
        }
        Key key = new Key(kind, query, offset, limit, LocalDate.now());
        long version = reader.getVersion();
        Kept found = kept.getIfPresent(key);
        if (found != null && found.version() == version) {
            return found.results();
        }
        SearchResults results = search.run();
        if (results != null) {
            kept.put(key, new Kept(version, results));
        }
        return results;
    }
}
