package org.paperless.index.lucene.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Exact phrases on the content searched through its word pairs ({@link Fields#CONTENT_PAIRS}): "rechnung betrag"
 * is then one term whose documents and frequencies are read, not the positions of two common words in every
 * document that has both. Three words and more are a phrase of pairs: "a b c" is "a b" followed by "b c".
 * The same documents match, as the pairs are made from the content's own words; only the scores differ.
 * Phrases with slop, on other fields or with gaps between their words stay as they are.
 */
final class PhrasePairs {

    /** Between the two words of a pair; no word of the content contains it. */
    static final String SEPARATOR = " ";

    private PhrasePairs() {
    }

    /** The query with each exact content phrase replaced by its pairs; the same query when there is none. */
    static Query rewrite(Query query) {
        if (query instanceof PhraseQuery phrase) {
            return pairs(phrase);
        }
        if (query instanceof BoostQuery boost) {
            Query inner = rewrite(boost.getQuery());
            return inner == boost.getQuery() ? query : new BoostQuery(inner, boost.getBoost());
        }
        if (query instanceof ConstantScoreQuery constant) {
            Query inner = rewrite(constant.getQuery());
            return inner == constant.getQuery() ? query : new ConstantScoreQuery(inner);
        }
        if (query instanceof BooleanQuery bool) {
            return rewrite(bool);
        }
        if (query instanceof DisjunctionMaxQuery max) {
            List<Query> disjuncts = new ArrayList<>();
            boolean changed = false;
            for (Query disjunct : max.getDisjuncts()) {
                Query inner = rewrite(disjunct);
                changed |= inner != disjunct;
                disjuncts.add(inner);
            }
            return changed ? new DisjunctionMaxQuery(disjuncts, max.getTieBreakerMultiplier()) : query;
        }
        return query;
    }

    private static Query rewrite(BooleanQuery bool) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder().setMinimumNumberShouldMatch(
                bool.getMinimumNumberShouldMatch());
        boolean changed = false;
        for (BooleanClause clause : bool.clauses()) {
            Query inner = rewrite(clause.getQuery());
            changed |= inner != clause.getQuery();
            builder.add(inner, clause.getOccur());
        }
        return changed ? builder.build() : bool;
    }

    private static Query pairs(PhraseQuery phrase) {
        Term[] terms = phrase.getTerms();
        if (phrase.getSlop() != 0 || terms.length < 2 || !phrase.getField().equals(Fields.CONTENT)
                || !consecutive(phrase.getPositions())) {
            return phrase;
        }
        String[] words = new String[terms.length];
        for (int i = 0; i < terms.length; i++) {
            words[i] = terms[i].text();
            if (words[i].isEmpty() || words[i].contains(SEPARATOR)) {
                return phrase;
            }
        }
        if (words.length == 2) {
            return new TermQuery(pair(words[0], words[1]));
        }
        PhraseQuery.Builder pairs = new PhraseQuery.Builder();
        for (int i = 0; i + 1 < words.length; i++) {
            pairs.add(pair(words[i], words[i + 1]), i);
        }
        return pairs.build();
    }

    private static Term pair(String first, String second) {
        return new Term(Fields.CONTENT_PAIRS, first + SEPARATOR + second);
    }

    private static boolean consecutive(int[] positions) {
        for (int i = 1; i < positions.length; i++) {
            if (positions[i] != positions[i - 1] + 1) {
                return false;
            }
        }
        return true;
    }
}
