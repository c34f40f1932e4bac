package org.paperless.index.lucene.internal;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.paperless.api.index.Completion;
import org.paperless.api.index.SearchHit;
import org.paperless.api.index.SearchResults;

/** Reading the index: ranked results with snippets, similar documents, completions. */
final class Searches {

    static final int SNIPPET_LENGTH = 160;
    /** The words more-like-this looks at. */
    private static final String[] SIMILARITY_FIELDS = {Fields.TITLE, Fields.CONTENT};

    private Searches() {
    }

    static SearchResults search(IndexSearcher searcher, Analyzer analyzer, Query query, int offset, int limit)
            throws IOException {
        TopDocs top = searcher.search(query, Math.max(1, offset + limit));
        long total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO ? top.totalHits.value : searcher.count(query);
        ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs, Math.min(offset, top.scoreDocs.length),
                Math.min(offset + limit, top.scoreDocs.length));
        String[] snippets = snippets(searcher, analyzer, query, page);
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            org.apache.lucene.document.Document stored = searcher.storedFields().document(page[i].doc);
            hits.add(new SearchHit(stored.getField(Fields.ID).numericValue().longValue(), stored.get(Fields.TITLE),
                    stored.get(Fields.CORRESPONDENT), IndexDocuments.created(stored), page[i].score,
                    snippets[i] == null ? "" : snippets[i].replaceAll("\\s+", " ").strip()));
        }
        return new SearchResults(total, hits);
    }

    /** The best passage of each document's content, matched words in ** marks; the opening when none matched. */
    private static String[] snippets(IndexSearcher searcher, Analyzer analyzer, Query query, ScoreDoc[] page)
            throws IOException {
        if (page.length == 0) {
            return new String[0];
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("**", "**", " ... ", false))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getWordInstance(Locale.ROOT), SNIPPET_LENGTH, 0.5f))
                .withMaxNoHighlightPassages(1)
                .withHighlightPhrasesStrictly(true)
                .build();
        int[] docs = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            docs[i] = page[i].doc;
        }
        return highlighter.highlightFields(new String[] {Fields.CONTENT}, query, docs, new int[] {1})
                .get(Fields.CONTENT);
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
    static List<Completion> autocomplete(IndexReader reader, String prefix, int limit) throws IOException {
        String start = prefix.strip().toLowerCase(Locale.ROOT);
        List<Completion> found = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(reader, Fields.WORDS);
        if (terms == null || start.isEmpty()) {
            return found;
        }
        TermsEnum words = terms.iterator();
        BytesRef first = new BytesRef(start);
        if (words.seekCeil(first) == TermsEnum.SeekStatus.END) {
            return found;
        }
        java.util.PriorityQueue<Completion> best = new java.util.PriorityQueue<>(
                java.util.Comparator.comparingInt(Completion::documents).thenComparing(Completion::word,
                        java.util.Comparator.reverseOrder()));
        for (BytesRef word = words.term(); word != null && startsWith(word, first); word = words.next()) {
            best.add(new Completion(word.utf8ToString(), words.docFreq()));
            if (best.size() > limit) {
                best.poll();
            }
        }
        found.addAll(best);
        found.sort(java.util.Comparator.comparingInt(Completion::documents).reversed().thenComparing(Completion::word));
        return found;
    }

    private static boolean startsWith(BytesRef word, BytesRef prefix) {
        return word.length >= prefix.length && java.util.Arrays.equals(word.bytes, word.offset,
                word.offset + prefix.length, prefix.bytes, prefix.offset, prefix.offset + prefix.length);
    }
}
