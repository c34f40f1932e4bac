package org.paperless.index.lucene.internal;

import java.time.ZoneId;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriterConfig;
import org.paperless.api.Document;

/**
 * What this index is made of (analyzers, fields, writer settings), for building the same index outside the
 * service: the benchmark's bare Lucene loop embeds this bundle's jar and indexes through here, so it measures
 * exactly what the service writes. Not exported; the service ({@code SearchIndex}) is the API.
 */
public final class IndexMapping {

    private final Names names;
    private final ZoneId zone;

    /** The maps give the names behind the ids of correspondents, types, storage paths and tags; read, never copied. */
    public IndexMapping(Map<Long, String> correspondents, Map<Long, String> types, Map<Long, String> paths,
            Map<Long, String> tags, ZoneId zone) {
        this.names = new Names(correspondents, types, paths, tags);
        this.zone = zone;
    }

    /** The analyzer for indexing and queries. */
    public static Analyzer analyzer() {
        return Analyzers.perField();
    }

    /** The writer settings the service uses. */
    public static IndexWriterConfig writerConfig(Analyzer analyzer) {
        return LuceneIndex.writerConfig(analyzer);
    }

    /** How many threads the service indexes with on this machine during a reindex. */
    public static int indexingThreads() {
        return BulkWriter.threads();
    }

    public org.apache.lucene.document.Document toLucene(Document document) {
        return IndexDocuments.toLucene(document, names, zone);
    }
}
