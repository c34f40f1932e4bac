package org.paperless.index.lucene.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The best passage of each result's content, matched words in ** marks (a phrase's words only where the
 * phrase stands); the opening when nothing matched. The contents are those already read for the results
 * ({@link StoredHit}), and the offsets of the words come from the postings: no content is decompressed or
 * analysed a second time.
 */
final class Snippets extends UnifiedHighlighter {

    static final int LENGTH = 160;
    private static final PassageScores SCORES = new PassageScores();

    private final Map<Integer, String> contents;

    private Snippets(Builder builder, Map<Integer, String> contents) {
        super(builder);
        this.contents = contents;
    }

    /** One snippet for each of {@code docs}, in their order; "" for a document without content. */
    static String[] of(IndexSearcher searcher, Analyzer analyzer, Query query, int[] docs, Map<Integer, String> contents)
            throws IOException {
        if (docs.length == 0) {
            return new String[0];
        }
        Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("**", "**", " ... ", false))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(new WordStarts(), LENGTH, 0.5f))
                .withScorer(SCORES)
                .withMaxNoHighlightPassages(1)
                .withHighlightPhrasesStrictly(true)
                // Word by word: matching whole query trees per document allocated a term dictionary walk
                // for every field of the query, for every result.
                .withWeightMatches(false);
        String[] snippets = new Snippets(builder, contents)
                .highlightFields(new String[] {Fields.CONTENT}, query, docs, new int[] {1}).get(Fields.CONTENT);
        for (int i = 0; i < snippets.length; i++) {
            snippets[i] = snippets[i] == null ? "" : oneLine(snippets[i]);
        }
        return snippets;
    }

    /** Every run of white space as one space, none at the ends: a snippet is shown on one line. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The contents at hand, cut at the highlighter's limit as its own reading would. */
    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
            throws IOException {
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            String content = contents.get(doc);
            values.add(new CharSequence[] {
                content == null ? null : content.substring(0, Math.min(getMaxLength(), content.length()))});
        }
        return values;
    }
}
