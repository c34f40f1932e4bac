package org.paperless.index.lucene.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.FixedBitSet;
import org.paperless.api.index.SearchIndex;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;
import org.paperless.api.index.Completion;
import org.paperless.api.index.SearchHit;
import org.paperless.api.index.SearchResults;

/** Reading the index: ranked results with snippets, similar documents, completions. */
final class Searches {

    /** The words more-like-this looks at. */
    private static final String[] SIMILARITY_FIELDS = {Fields.TITLE, Fields.CONTENT};

    private Searches() {
    }

    /**
     * One page of results with their snippets, and how many documents match in all. Exact phrases on the content
     * are searched through its word pairs ({@link PhrasePairs}); the snippets mark the words of the query as given.
     */
    static SearchResults search(IndexSearcher searcher, Analyzer analyzer, Query query, int offset, int limit)
            throws IOException {
        int wanted = (int) Math.max(1, Math.min((long) offset + limit, searcher.getIndexReader().maxDoc()));
        Query run = PhrasePairs.rewrite(query);
        TopDocs top;
        long total;
        if (hasPhrase(run)) {
            // Skipping what cannot make the page hardly spares a phrase any work, and counting afterwards
            // checked the word positions of every match a second time: one pass that scores and counts all.
            // A quoted phrase without a field keeps its phrases on the small fields (title, names) beside the
            // content's pair term; one pass stays the cheapest for it too.
            top = searcher.search(run, new TopScoreDocCollectorManager(wanted, null, Integer.MAX_VALUE, false));
            total = top.totalHits.value;
        } else {
            // Words alone: the page comes from skipping most matches, and counting them without scores is cheap.
            top = searcher.search(run, wanted);
            total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO ? top.totalHits.value : searcher.count(run);
        }
        ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(offset, top.scoreDocs.length),
                Math.min(offset + limit, top.scoreDocs.length));
        int[] docs = new int[page.length];
        StoredHit[] stored = new StoredHit[page.length];
        Map<Integer, String> contents = new HashMap<>();
        StoredFields fields = searcher.storedFields();
        for (int i = 0; i < page.length; i++) {
            docs[i] = page[i].doc;
            stored[i] = StoredHit.read(fields, docs[i]);
            contents.put(docs[i], stored[i].content());
        }
        String[] snippets = Snippets.of(searcher, analyzer, query, docs, contents);
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            hits.add(new SearchHit(stored[i].id(), stored[i].title(), stored[i].correspondent(), stored[i].created(),
                    page[i].score, snippets[i]));
        }
        return new SearchResults(total, hits);
    }

    private static boolean hasPhrase(Query query) {
        boolean[] found = {false};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                found[0] |= leaf instanceof PhraseQuery || leaf instanceof MultiPhraseQuery;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return found[0];
    }

    /** Null when the document is not in the index. */
    static Query moreLikeThis(IndexSearcher searcher, Analyzer analyzer, long documentId) throws IOException {
        TopDocs self = searcher.search(LongPoint.newExactQuery(Fields.ID, documentId), 1);
        if (self.scoreDocs.length == 0) {
            return null;
        }
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(SIMILARITY_FIELDS);
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMaxQueryTerms(30);
        mlt.setMinWordLen(3);
        Query like = mlt.like(self.scoreDocs[0].doc);
        return new BooleanQuery.Builder()
                .add(like, BooleanClause.Occur.MUST)
                .add(LongPoint.newExactQuery(Fields.ID, documentId), BooleanClause.Occur.MUST_NOT)
                .build();
    }

    /** Words of titles and contents that start with the prefix, those in most documents first. */
    static List<Completion> autocomplete(IndexSearcher searcher, String prefix, int limit) throws IOException {
        return autocomplete(searcher, prefix, limit, null);
    }

    /** The most words of one prefix looked at for a reader: each is counted in the reader's documents. */
    static final int MAX_WORDS_SCANNED = 20_000;

    /**
     * As {@link #autocomplete(IndexSearcher, String, int)}, counting only the documents the reader sees (all when
     * the reader is null).
     */
    static List<Completion> autocomplete(IndexSearcher searcher, String prefix, int limit, SearchIndex.Reader reader)
            throws IOException {
        String start = prefix.strip().toLowerCase(Locale.ROOT);
        List<Completion> found = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), Fields.WORDS);
        if (terms == null || start.isEmpty()) {
            return found;
        }
        TermsEnum words = terms.iterator();
        BytesRef first = new BytesRef(start);
        if (words.seekCeil(first) == TermsEnum.SeekStatus.END) {
            return found;
        }
        FixedBitSet visible = reader == null ? null : visible(searcher, reader);
        java.util.PriorityQueue<Completion> best = new java.util.PriorityQueue<>(
                java.util.Comparator.comparingInt(Completion::documents).thenComparing(Completion::word,
                        java.util.Comparator.reverseOrder()));
        PostingsEnum postings = null;
        int scanned = 0;
        for (BytesRef word = words.term(); word != null && startsWith(word, first)
                && (visible == null || scanned++ < MAX_WORDS_SCANNED); word = words.next()) {
            int count;
            if (visible == null) {
                count = words.docFreq();
            } else {
                postings = words.postings(postings, PostingsEnum.NONE);
                count = 0;
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (visible.get(doc)) {
                        count++;
                    }
                }
            }
            if (count > 0) {
                best.add(new Completion(word.utf8ToString(), count));
                if (best.size() > limit) {
                    best.poll();
                }
            }
        }
        found.addAll(best);
        found.sort(java.util.Comparator.comparingInt(Completion::documents).reversed().thenComparing(Completion::word));
        return found;
    }

    /** The documents (index-wide numbers) without an owner, of the reader, or shared with them. */
    private static FixedBitSet visible(IndexSearcher searcher, SearchIndex.Reader reader) throws IOException {
        BooleanQuery.Builder unowned = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
                .add(TermRangeQuery.newStringRange(Fields.OWNER, null, null, true, true), BooleanClause.Occur.MUST_NOT);
        BooleanQuery.Builder sees = new BooleanQuery.Builder()
                .add(unowned.build(), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(Fields.OWNER, reader.user())), BooleanClause.Occur.SHOULD);
        if (!reader.sharedDocuments().isEmpty()) {
            sees.add(LongPoint.newSetQuery(Fields.ID, reader.sharedDocuments().stream().mapToLong(Long::longValue).toArray()),
                    BooleanClause.Occur.SHOULD);
        }
        FixedBitSet visible = new FixedBitSet(Math.max(1, searcher.getIndexReader().maxDoc()));
        searcher.search(sees.build(), new SimpleCollector() {
            private int base;

            @Override
            protected void doSetNextReader(LeafReaderContext context) {
                base = context.docBase;
            }

            @Override
            public void collect(int doc) {
                visible.set(base + doc);
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return visible;
    }

    private static boolean startsWith(BytesRef word, BytesRef prefix) {
        return word.length >= prefix.length && java.util.Arrays.equals(word.bytes, word.offset,
                word.offset + prefix.length, prefix.bytes, prefix.offset, prefix.offset + prefix.length);
    }
}
