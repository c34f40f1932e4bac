package org.paperless.index.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.queryparser.classic.ParseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.Document;
import org.paperless.api.Note;
import org.paperless.api.index.Completion;
import org.paperless.api.index.SearchHit;
import org.paperless.api.index.SearchIndex;
import org.paperless.api.index.SearchResults;

/** The index on a real folder: what a user types and what comes back. */
class LuceneIndexTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final Names NAMES = new Names(Map.of(1L, "Stadtwerke Köln", 2L, "Müller & Söhne GmbH"),
            Map.of(1L, "Invoice", 2L, "Letter"), Map.of(1L, "Household"), Map.of(1L, "Unpaid", 2L, "Tax", 3L, "Inbox"));

    @TempDir
    Path dir;
    LuceneIndex index;

    @BeforeEach
    void open() throws Exception {
        index = LuceneIndex.open(dir.resolve("index"), ZONE);
        add(1, "Electricity bill March", "Your electricity consumption in March was 321 kWh. Please pay within 14 days.",
                1L, 1L, Set.of(1L), LocalDate.of(2021, 3, 14), "Paid by transfer on 2 April");
        add(2, "Letter from Herr Müller", "Sehr geehrte Damen und Herren, anbei die Unterlagen zur Steuererklärung.",
                2L, 2L, Set.of(2L), LocalDate.of(2020, 6, 1), null);
        add(3, "Water bill", "The water consumption this year was low. Electricity is billed separately.",
                1L, 1L, Set.of(1L, 3L), TODAY.minusMonths(1).withDayOfMonth(5), null);
        add(4, "Holiday photos", "Nothing about bills or consumption here at all, only the beach in Crète.",
                null, null, Set.of(), TODAY, null);
        index.commit();
        index.refresh();
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private void add(long id, String title, String content, Long correspondent, Long type, Set<Long> tags,
            LocalDate created, String note) throws Exception {
        Instant added = TODAY.atStartOfDay(ZONE).toInstant().plusSeconds(id);
        List<Note> notes = note == null ? List.of() : List.of(new Note(1L, id, note, added, "admin"));
        index.upsert(new Document(id, title, content, correspondent, type, null, tags, created, added, added,
                "sha" + id, null, id == 1 ? 1001L : null, null, null, title + ".pdf", "application/pdf", 2, "admin",
                notes, List.of()), NAMES);
    }

    private SearchResults search(String query) throws Exception {
        var parsed = new PaperlessQueryParser(index.analyzer(), TODAY).parse(query);
        return index.search(s -> Searches.search(s, index.analyzer(), parsed, 0, 10));
    }

    private List<Long> ids(String query) throws Exception {
        return search(query).hits().stream().map(SearchHit::documentId).sorted().toList();
    }

    @Test
    void accentsCaseAndGermanSpellingsFindEachOther() throws Exception {
        assertEquals(List.of(2L), ids("muller"));
        assertEquals(List.of(2L), ids("MUELLER"));
        assertEquals(List.of(2L), ids("steuererklarung"));
        assertEquals(List.of(4L), ids("crete"));
    }

    @Test
    void fieldsPhrasesAndOperators() throws Exception {
        assertEquals(List.of(1L, 3L), ids("correspondent:stadtwerke"));
        assertEquals(List.of(1L, 3L), ids("tag:unpaid"));
        assertEquals(List.of(2L), ids("type:letter"));
        assertEquals(List.of(1L), ids("notes:transfer"));
        assertEquals(List.of(1L), ids("asn:1001"));
        assertEquals(List.of(1L), ids("\"electricity consumption\""));
        assertEquals(List.of(), ids("\"consumption electricity\""));
        assertEquals(List.of(1L, 3L), ids("electricity consumption"), "all words must match");
        assertEquals(List.of(1L, 2L, 3L), ids("electricity OR muller"));
        assertEquals(List.of(3L), ids("electricity NOT march"));
        assertEquals(List.of(1L, 3L, 4L), ids("consumption"));
        assertEquals(List.of(1L), ids("original_filename:march"));
    }

    @Test
    void datesByRangeYearMonthAndKeyword() throws Exception {
        assertEquals(List.of(1L, 2L), ids("created:[2020 to 2021]"));
        assertEquals(List.of(1L), ids("created:2021-03"));
        assertEquals(List.of(2L), ids("created:[* TO 2020-12-31]"));
        assertEquals(List.of(4L), ids("created:today"));
        assertEquals(List.of(3L), ids("created:previous month"));
        assertEquals(List.of(3L), ids("created:\"last month\""));
        assertEquals(List.of(3L, 4L), ids("created:this year"));
        assertEquals(List.of(3L, 4L), ids("created:[-3 months to now]"));
        assertEquals(List.of(1L, 2L, 3L, 4L), ids("added:today"));
        assertEquals(List.of(), ids("added:yesterday"));
    }

    @Test
    void theTitleCountsMoreThanTheContentAndSnippetsMarkTheWords() throws Exception {
        SearchResults results = search("electricity");
        assertEquals(2, results.total());
        assertEquals(1L, results.hits().get(0).documentId(), "in the title and the content");
        assertEquals("Stadtwerke Köln", results.hits().get(0).correspondent());
        assertEquals(LocalDate.of(2021, 3, 14), results.hits().get(0).created());
        assertTrue(results.hits().get(0).snippet().contains("Your **electricity** consumption"),
                results.hits().get(0).snippet());
        assertTrue(results.hits().get(0).score() > results.hits().get(1).score());
    }

    @Test
    void pagesThroughResults() throws Exception {
        var parsed = new PaperlessQueryParser(index.analyzer(), TODAY).parse("consumption");
        SearchResults second = index.search(s -> Searches.search(s, index.analyzer(), parsed, 1, 1));
        assertEquals(3, second.total());
        assertEquals(1, second.hits().size());
        SearchResults all = index.search(s -> Searches.search(s, index.analyzer(), parsed, 0, 3));
        assertEquals(all.hits().get(1).documentId(), second.hits().get(0).documentId());
    }

    @Test
    void autocompleteRanksWordsByDocuments() throws Exception {
        List<Completion> words = index.search(s -> Searches.autocomplete(s, "Co", 5));
        assertEquals(new Completion("consumption", 3), words.get(0));
        assertEquals(List.of(new Completion("crète", 1)),
                index.search(s -> Searches.autocomplete(s, "CR", 5)), "words as written");
        assertEquals(List.of(), index.search(s -> Searches.autocomplete(s, "zzz", 5)));
    }

    @Test
    void autocompleteForAReaderCountsOnlyTheDocumentsTheySee() throws Exception {
        Instant added = TODAY.atStartOfDay(ZONE).toInstant();
        index.upsert(new Document(5L, "Unowned", "A consumer leaflet", null, null, null, Set.of(), TODAY, added, added,
                "sha5", null, null, null, null, "leaflet.pdf", "application/pdf", 1, null, List.of(), List.of()), NAMES);
        index.commit();
        index.refresh();
        SearchIndex.Reader bob = new SearchIndex.Reader("bob", Set.of(3L));
        assertEquals(List.of(new Completion("consumer", 1), new Completion("consumption", 1)),
                index.search(s -> Searches.autocomplete(s, "consum", 5, bob)), "the unowned one and the one shared with bob");
        assertEquals(List.of(), index.search(s -> Searches.autocomplete(s, "cr", 5, bob)),
                "a word only in others' documents does not leak");
        assertEquals(new Completion("consumption", 3), index.search(s -> Searches.autocomplete(s, "consum", 5,
                new SearchIndex.Reader("admin", Set.of()))).get(0));
    }

    @Test
    void moreLikeThisFindsTheOtherBillNotItself() throws Exception {
        var like = index.search(s -> Searches.moreLikeThis(s, index.analyzer(), 1L));
        SearchResults similar = index.search(s -> Searches.search(s, index.analyzer(), like, 0, 10));
        assertEquals(3L, similar.hits().get(0).documentId());
        assertTrue(similar.hits().stream().noneMatch(h -> h.documentId() == 1L));
        assertNull(index.search(s -> Searches.moreLikeThis(s, index.analyzer(), 99L)));
    }

    @Test
    void queriesItCannotUnderstandSayWhy() {
        ParseException unknown = assertThrows(ParseException.class,
                () -> new PaperlessQueryParser(index.analyzer(), TODAY).parse("colour:red"));
        assertTrue(unknown.getMessage().contains("Unknown field 'colour'"), unknown.getMessage());
        ParseException date = assertThrows(ParseException.class,
                () -> new PaperlessQueryParser(index.analyzer(), TODAY).parse("created:someday"));
        assertTrue(date.getMessage().contains("'someday' is not a date"), date.getMessage());
        ParseException number = assertThrows(ParseException.class,
                () -> new PaperlessQueryParser(index.analyzer(), TODAY).parse("asn:abc"));
        assertTrue(number.getMessage().contains("asn takes a number"), number.getMessage());
    }

    @Test
    void updatesAndDeletesReplaceTheEntry() throws Exception {
        add(4, "Holiday photos", "Now about the mountains", null, null, Set.of(), TODAY, null);
        index.delete(2);
        index.refresh();
        assertEquals(List.of(), ids("crete"));
        assertEquals(List.of(4L), ids("mountains"));
        assertEquals(List.of(), ids("muller"));
        assertEquals(List.of(1L, 3L, 4L), java.util.Arrays.stream(index.ids()).boxed().toList());
    }

    @Test
    void keptResultsLastUntilTheIndexChanges() throws Exception {
        KeptResults kept = new KeptResults();
        var parsed = new PaperlessQueryParser(index.analyzer(), TODAY).parse("mountains");
        KeptResults.Search search = () -> index.search(s -> Searches.search(s, index.analyzer(), parsed, 0, 10));
        SearchResults first = index.search(s -> kept.get(s, "search", "mountains", 0, 10, search));
        assertEquals(0, first.total());
        assertSame(first, index.search(s -> kept.get(s, "search", "mountains", 0, 10, search)), "kept while unchanged");
        index.refresh();
        assertSame(first, index.search(s -> kept.get(s, "search", "mountains", 0, 10, search)), "a refresh without news");

        add(4, "Holiday photos", "Now about the mountains", null, null, Set.of(), TODAY, null);
        index.refresh();
        SearchResults after = index.search(s -> kept.get(s, "search", "mountains", 0, 10, search));
        assertEquals(List.of(4L), after.hits().stream().map(SearchHit::documentId).toList(), "the change is found");
    }

    @Test
    void aReopenedIndexKnowsItsWatermark() throws Exception {
        Instant watermark = index.watermark();
        index.close();
        index = LuceneIndex.open(dir.resolve("index"), ZONE);
        assertNull(index.rebuildReason());
        assertEquals(watermark, index.watermark());
        assertEquals(4, index.state().documents());
    }

    @Test
    void aDamagedIndexIsStartedAgainWithTheReason() throws Exception {
        index.close();
        try (var files = Files.list(dir.resolve("index"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(file, new byte[] {1, 2, 3, 4});
            }
        }
        index = LuceneIndex.open(dir.resolve("index"), ZONE);
        assertTrue(index.rebuildReason().startsWith("the index is damaged"), index.rebuildReason());
        assertEquals(0, index.state().documents());
    }

    @Test
    void anIndexOfAnotherLayoutIsStartedAgainWithTheReason() throws Exception {
        index.close();
        try (var directory = org.apache.lucene.store.FSDirectory.open(dir.resolve("index"));
                var writer = new org.apache.lucene.index.IndexWriter(directory,
                        new org.apache.lucene.index.IndexWriterConfig(Analyzers.perField()))) {
            writer.setLiveCommitData(Map.of(LuceneIndex.SCHEMA_KEY, "0").entrySet());
            writer.commit();
        }
        index = LuceneIndex.open(dir.resolve("index"), ZONE);
        assertEquals("the index has schema version 0, this version uses " + Fields.SCHEMA_VERSION, index.rebuildReason());
        assertEquals(0, index.state().documents());
    }
}
