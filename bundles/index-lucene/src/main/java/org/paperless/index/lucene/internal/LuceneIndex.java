package org.paperless.index.lucene.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.paperless.api.Document;
import org.paperless.api.index.IndexState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index on disk: one writer, near-real-time searchers, and a watermark (schema version and the latest
 * modification indexed) in each commit, so a restart knows where it stands.
 */
final class LuceneIndex implements Closeable {

    /** Searches run on an IndexSearcher; it must be released after use. */
    interface SearchWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    static final String SCHEMA_KEY = "paperless.schema";
    static final String WATERMARK_KEY = "paperless.lastModified";
    private static final Logger LOG = LoggerFactory.getLogger(LuceneIndex.class);
    /** Shared by the indexing threads; a reindex in a 512 MB heap stays far below the limit with it. */
    static final double RAM_BUFFER_MB = 48;

    private final Path folder;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer = Analyzers.perField();
    private final ZoneId zone;
    private final AtomicLong watermark;
    /** Why the index was started empty (new, old schema, damaged), or null when it was opened as it was. */
    private final String rebuildReason;

    private LuceneIndex(Path folder, Directory directory, String rebuildReason, long watermark, ZoneId zone)
            throws IOException {
        this.folder = folder;
        this.directory = directory;
        this.rebuildReason = rebuildReason;
        this.zone = zone;
        this.watermark = new AtomicLong(watermark);
        IndexWriterConfig config = writerConfig(analyzer)
                .setOpenMode(rebuildReason == null ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    /** How the index is written; {@link IndexMapping} gives the same to anyone who builds it outside the service. */
    static IndexWriterConfig writerConfig(Analyzer analyzer) {
        return new IndexWriterConfig(analyzer).setRAMBufferSizeMB(RAM_BUFFER_MB);
    }

    /** Opens the index in the folder, or starts an empty one when there is none, it is outdated or it is damaged. */
    static LuceneIndex open(Path folder, ZoneId zone) throws IOException {
        Files.createDirectories(folder);
        Directory directory = FSDirectory.open(folder);
        String reason;
        long watermark = Long.MIN_VALUE;
        try {
            if (!DirectoryReader.indexExists(directory)) {
                reason = "there is no index yet";
            } else {
                Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
                String schema = data.get(SCHEMA_KEY);
                if (!Integer.toString(Fields.SCHEMA_VERSION).equals(schema)) {
                    reason = "the index has schema version " + schema + ", this version uses " + Fields.SCHEMA_VERSION;
                } else {
                    try (DirectoryReader check = DirectoryReader.open(directory)) {
                        reason = null;
                        watermark = Long.parseLong(data.getOrDefault(WATERMARK_KEY, Long.toString(Long.MIN_VALUE)));
                        LOG.debug("Opened the index: {} documents", check.numDocs());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            reason = "the index is damaged (" + e + ")";
            wipe(directory);
        }
        try {
            return new LuceneIndex(folder, directory, reason, watermark, zone);
        } catch (IOException | RuntimeException e) {
            if (reason != null) {
                directory.close();
                throw e;
            }
            // The commit read fine but the writer cannot use it: start over.
            wipe(directory);
            return new LuceneIndex(folder, directory, "the index is damaged (" + e + ")", Long.MIN_VALUE, zone);
        }
    }

    /** A damaged index is only a cache of the database: its files go, and it is built again. */
    private static void wipe(Directory directory) throws IOException {
        for (String file : directory.listAll()) {
            directory.deleteFile(file);
        }
    }

    String rebuildReason() {
        return rebuildReason;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** The latest modification time of a document indexed so far, or null. */
    Instant watermark() {
        long millis = watermark.get();
        return millis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(millis);
    }

    void upsert(Document document, Names names) throws IOException {
        writer.updateDocument(IndexDocuments.key(document.id()), IndexDocuments.toLucene(document, names, zone));
        advanceWatermark(document);
    }

    /** For a document the index cannot hold yet (it was emptied before): no old entry to look for. */
    void add(Document document, Names names) throws IOException {
        writer.addDocument(IndexDocuments.toLucene(document, names, zone));
        advanceWatermark(document);
    }

    /** Safe from several indexing threads at once. */
    private void advanceWatermark(Document document) {
        if (document.modified() != null) {
            watermark.accumulateAndGet(document.modified().toEpochMilli(), Math::max);
        }
    }

    void delete(long id) throws IOException {
        writer.deleteDocuments(IndexDocuments.key(id));
    }

    void deleteAll() throws IOException {
        writer.deleteAll();
        watermark.set(Long.MIN_VALUE);
    }

    /** Makes what was written visible to searches. */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Makes what was written durable, with the watermark. */
    void commit() throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put(SCHEMA_KEY, Integer.toString(Fields.SCHEMA_VERSION));
        data.put(WATERMARK_KEY, Long.toString(watermark.get()));
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
    }

    boolean hasUncommittedChanges() {
        return writer.hasUncommittedChanges();
    }

    void forceMerge() throws IOException {
        writer.forceMerge(1);
        commit();
        refresh();
    }

    <T> T search(SearchWork<T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.run(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /** The ids of the indexed documents, ascending. */
    long[] ids() throws IOException {
        refresh();
        return search(searcher -> {
            long[] ids = new long[searcher.getIndexReader().numDocs()];
            int n = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                NumericDocValues values = leaf.reader().getNumericDocValues(Fields.ID);
                Bits live = leaf.reader().getLiveDocs();
                if (values == null) {
                    continue;
                }
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        ids[n++] = values.longValue();
                    }
                }
            }
            long[] found = java.util.Arrays.copyOf(ids, n);
            java.util.Arrays.sort(found);
            return found;
        });
    }

    IndexState state() throws IOException {
        refresh();
        int segments = search(searcher -> searcher.getIndexReader().leaves().size());
        long documents = search(searcher -> (long) searcher.getIndexReader().numDocs());
        return new IndexState(Fields.SCHEMA_VERSION, documents, watermark(), size(), segments);
    }

    private long size() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            if (writer.isOpen()) {
                commit();
            }
        } finally {
            writer.close();
            directory.close();
        }
    }
}
