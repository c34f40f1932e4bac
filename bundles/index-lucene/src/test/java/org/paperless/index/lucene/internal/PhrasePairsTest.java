package org.paperless.index.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.Document;
import org.paperless.api.index.SearchHit;
import org.paperless.api.index.SearchResults;

/** Phrases found through the content's word pairs match exactly the documents the phrase on the content matches. */
class PhrasePairsTest {

    /** Few words, so most documents hold the words of a phrase somewhere and only some hold them side by side. */
    private static final String[] WORDS = {"Rechnung", "Betrag", "Müller", "Mueller", "Straße", "Strasse", "fällig",
        "Zahlung", "Konto", "Vertrag", "Kündigung", "Frist", "Crème", "brûlée", "invoice", "amount", "due", "the",
        "of", "2024", "12,50", "Nr.", "e-mail", "Grüße", "GRÜSSE", "Öl", "Kunden-Nr", "März", "Maerz", "ab"};
    private static final String[] BETWEEN = {" ", " ", " ", " ", ", ", ". ", "\n", "\n\n", " - ", "/", " (", ") ",
        ": ", " € ", "\t", " ... ", "'"};
    private static final LocalDate DAY = LocalDate.of(2024, 5, 1);

    @TempDir
    Path dir;
    LuceneIndex index;
    final List<String> contents = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        index = LuceneIndex.open(dir.resolve("index"), ZoneId.of("UTC"));
        Random random = new Random(11);
        for (int i = 0; i < 400; i++) {
            StringBuilder text = new StringBuilder();
            int words = random.nextInt(10) == 0 ? random.nextInt(3) : 5 + random.nextInt(150);
            for (int w = 0; w < words; w++) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(BETWEEN[random.nextInt(BETWEEN.length)]);
            }
            contents.add(text.toString());
        }
        contents.add("Betrag Betrag Betrag");
        contents.add("Rechnung " + "x".repeat(300) + " Betrag");
        contents.add("Rechnungsbetrag fällig");
        contents.add("Müller-Straße 5, Mueller Strasse");
        contents.add("Rechnung");
        contents.add("");
        Names names = new Names(Map.of(), Map.of(), Map.of(), Map.of());
        for (int i = 0; i < contents.size(); i++) {
            Instant when = Instant.parse("2024-05-01T10:00:00Z");
            // Titles share the words too: a default-field phrase matches there as well.
            String title = i % 7 == 0 ? "Rechnung Betrag " + i : "Brief " + i;
            index.upsert(new Document(i + 1L, title, contents.get(i), null, null, null, Set.of(), DAY, when, when,
                    null, null, null, null, null, null, null, 1, null, List.of(), List.of()), names);
        }
        index.commit();
        index.refresh();
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    /** Runs of 2 to 4 neighbouring words from the texts, and words drawn at random that rarely stand together. */
    private List<String> phrases() {
        Set<String> phrases = new LinkedHashSet<>();
        Random random = new Random(5);
        for (String content : contents) {
            String[] tokens = content.split("\\s+");
            for (int n = 2; n <= 4 && tokens.length >= n; n++) {
                int at = random.nextInt(tokens.length - n + 1);
                phrases.add(String.join(" ", Arrays.copyOfRange(tokens, at, at + n)));
            }
        }
        for (int i = 0; i < 300; i++) {
            int n = 2 + random.nextInt(2);
            String[] words = new String[n];
            for (int w = 0; w < n; w++) {
                words[w] = WORDS[random.nextInt(WORDS.length)];
            }
            phrases.add(String.join(" ", words));
        }
        phrases.addAll(List.of("betrag betrag", "betrag betrag betrag", "betrag betrag betrag betrag",
                "rechnung betrag", "muller strasse", "MÜLLER-STRASSE", "strasse 5 mueller", "creme brulee",
                "grusse grusse", "kunden nr"));
        phrases.removeIf(p -> p.contains("\""));
        return new ArrayList<>(phrases);
    }

    private Query parse(String query) {
        try {
            return new PaperlessQueryParser(index.analyzer(), DAY).parse(query);
        } catch (org.apache.lucene.queryparser.classic.ParseException e) {
            throw new IllegalArgumentException(query, e);
        }
    }

    private static Set<Integer> matches(IndexSearcher searcher, Query query) throws java.io.IOException {
        Set<Integer> docs = new TreeSet<>();
        for (ScoreDoc hit : searcher.search(query, Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs) {
            docs.add(hit.doc);
        }
        return docs;
    }

    private static boolean hasContentPhrase(Query query) {
        boolean[] found = {false};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                found[0] |= leaf instanceof PhraseQuery && terms[0].field().equals(Fields.CONTENT);
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return found[0];
    }

    @Test
    void pairsMatchTheSameDocumentsAsThePhraseOnTheContent() throws Exception {
        int[] checked = new int[4];
        index.search(searcher -> {
            for (String phrase : phrases()) {
                Query original = parse("content:\"" + phrase + "\"");
                if (!(original instanceof PhraseQuery words)) {
                    continue; // one word after analysis
                }
                Query pairs = PhrasePairs.rewrite(original);
                assertFalse(hasContentPhrase(pairs), phrase + " -> " + pairs);
                Set<Integer> expected = matches(searcher, original);
                assertEquals(expected, matches(searcher, pairs), phrase + " -> " + pairs);
                assertEquals(expected.size(), searcher.count(pairs), phrase);
                BooleanQuery.Builder allWords = new BooleanQuery.Builder();
                for (Term term : words.getTerms()) {
                    allWords.add(new TermQuery(term), BooleanClause.Occur.FILTER);
                }
                int withAllWords = searcher.count(allWords.build());
                checked[Math.min(words.getTerms().length, 3) - 2]++;
                checked[2] += expected.isEmpty() ? 0 : 1;
                checked[3] += withAllWords > expected.size() ? 1 : 0;
            }
            return null;
        });
        assertTrue(checked[0] > 200 && checked[1] > 200, "2-word and longer phrases: " + Arrays.toString(checked));
        assertTrue(checked[2] > 300, "phrases that match: " + checked[2]);
        assertTrue(checked[3] > 300, "phrases whose words are in more documents than the phrase: " + checked[3]);
    }

    @Test
    void searchesCountAndReturnWhatThePhraseOnTheContentFinds() throws Exception {
        index.search(searcher -> {
            List<String> phrases = phrases();
            // A third of them, some with all their results: snippets for hundreds of results take their time.
            for (int i = 0; i < phrases.size(); i += 3) {
                String phrase = phrases.get(i);
                Query original = parse("\"" + phrase + "\"");
                boolean all = i % 30 == 0;
                SearchResults results = Searches.search(searcher, index.analyzer(), original, 0, all ? contents.size() : 1);
                assertEquals(searcher.count(original), results.total(), phrase);
                if (!all) {
                    continue;
                }
                Set<Long> expected = new TreeSet<>();
                for (int doc : matches(searcher, original)) {
                    expected.add(Long.parseLong(searcher.storedFields().document(doc).get(Fields.ID)));
                }
                assertEquals(expected, new TreeSet<>(results.hits().stream().map(SearchHit::documentId).toList()),
                        phrase);
            }
            return null;
        });
    }

    @Test
    void snippetsMarkThePhraseWords() throws Exception {
        SearchResults two = index.search(s -> Searches.search(s, index.analyzer(), parse("\"betrag betrag\""), 0,
                contents.size()));
        String repeated = two.hits().stream().filter(h -> h.documentId() == 401).findFirst().orElseThrow().snippet();
        assertEquals("**Betrag** **Betrag** **Betrag**", repeated);
        SearchResults three = index.search(s -> Searches.search(s, index.analyzer(),
                parse("content:\"mueller strasse 5\""), 0, 5));
        assertEquals(1, three.total());
        assertTrue(three.hits().get(0).snippet().contains("**Müller**-**Straße** **5**"), three.hits().get(0).snippet());
    }

    @Test
    void twoWordsBecomeOnePairTermAndLongerPhrasesAPhraseOfPairs() throws Exception {
        Query two = PhrasePairs.rewrite(parse("content:\"Rechnung Betrag\""));
        assertEquals(new TermQuery(new Term(Fields.CONTENT_PAIRS, "rechnung betrag")), two);
        Query three = PhrasePairs.rewrite(parse("content:\"Müller Straße 5\""));
        assertEquals(new PhraseQuery(Fields.CONTENT_PAIRS, "muller strasse", "strasse 5"), three);
        Query everywhere = PhrasePairs.rewrite(parse("\"Rechnung Betrag\""));
        assertTrue(everywhere.toString().contains("content_pairs:rechnung betrag"), everywhere.toString());
        assertTrue(everywhere.toString().contains("title:\"rechnung betrag\""), "other fields as they were: " + everywhere);
    }

    @Test
    void phrasesWithSlopOrOnOtherFieldsStayAsTheyAre() throws Exception {
        for (String query : List.of("content:\"Rechnung Betrag\"~2", "title:\"Rechnung Betrag\"", "content:Rechnung",
                "\"Rechnung\"", "created:2024-05 Betrag")) {
            Query parsed = parse(query);
            assertSame(parsed, PhrasePairs.rewrite(parsed), query);
        }
        Query slop = PhrasePairs.rewrite(parse("\"Rechnung Betrag\"~1"));
        assertFalse(slop.toString().contains(Fields.CONTENT_PAIRS), slop.toString());
        assertInstanceOf(PhraseQuery.class, PhrasePairs.rewrite(new PhraseQuery.Builder()
                .add(new Term(Fields.CONTENT, "rechnung"), 0).add(new Term(Fields.CONTENT, "betrag"), 2).build()),
                "a gap between the words");
    }
}
