package org.paperless.index.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.Document;
import org.paperless.api.index.SearchHit;

/** What a result shows of its document's text. */
class SnippetsTest {

    static final String LONG = "Sehr geehrte Damen und Herren,\n\nwir bestätigen den Eingang Ihrer Unterlagen. ".repeat(12)
            + "Ihre Kündigung zum 31.03. haben wir erhalten.\n" + "Mit freundlichen Grüßen, Ihre Stadtwerke. ".repeat(12);

    @TempDir
    Path dir;
    LuceneIndex index;

    @BeforeEach
    void open() throws Exception {
        index = LuceneIndex.open(dir.resolve("index"), ZoneId.of("UTC"));
        Names names = new Names(Map.of(), Map.of(), Map.of(), Map.of());
        add(names, 1, "Water bill", "Consumption is high in winter. The water consumption this year was low. Water is cheap.");
        add(names, 2, "Termination", LONG);
        add(names, 3, "Empty scan", "");
        index.commit();
        index.refresh();
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private void add(Names names, long id, String title, String content) throws Exception {
        Instant when = Instant.parse("2024-05-01T10:00:00Z");
        index.upsert(new Document(id, title, content, null, null, null, Set.of(), LocalDate.of(2024, 5, 1), when, when,
                null, null, null, null, null, null, null, 1, null, List.of(), List.of()), names);
    }

    private List<SearchHit> hits(String query) throws Exception {
        var parsed = new PaperlessQueryParser(index.analyzer(), LocalDate.of(2024, 6, 1)).parse(query);
        return index.search(s -> Searches.search(s, index.analyzer(), parsed, 0, 10)).hits();
    }

    @Test
    void aPhraseIsMarkedWhereItStandsOnly() throws Exception {
        String snippet = hits("\"water consumption\"").get(0).snippet();
        assertTrue(snippet.contains("The **water** **consumption** this year"), snippet);
        assertFalse(snippet.contains("**Consumption** is"), snippet);
        assertFalse(snippet.contains("**Water** is"), snippet);
    }

    @Test
    void wordsAreMarkedWhereverTheyStand() throws Exception {
        String snippet = hits("water").get(0).snippet();
        assertTrue(snippet.contains("The **water** consumption") && snippet.contains("**Water** is cheap"), snippet);
    }

    @Test
    void aLongTextGivesThePassageAroundTheWordOnOneLine() throws Exception {
        String snippet = hits("kundigung").get(0).snippet();
        assertTrue(snippet.contains("Ihre **Kündigung** zum 31.03."), snippet);
        assertTrue(snippet.length() > 100 && snippet.length() < 260, snippet.length() + ": " + snippet);
        assertFalse(snippet.contains("\n") || snippet.contains("  "), "white space folded: " + snippet);
        assertFalse(snippet.startsWith("Sehr geehrte Damen und Herren, wir"), "not the opening: " + snippet);
    }

    @Test
    void whiteSpaceRunsBecomeOneSpace() {
        assertEquals("Betrag: 12,00 € fällig", Snippets.oneLine("  Betrag:\n\t12,00 €\r\n\n fällig \n"));
        assertEquals("", Snippets.oneLine(" \n "));
    }

    @Test
    void withoutMatchingWordsTheOpeningIsShown() throws Exception {
        List<SearchHit> hits = hits("created:2024-05");
        assertEquals(3, hits.size());
        SearchHit termination = hits.stream().filter(h -> h.documentId() == 2).findFirst().orElseThrow();
        assertTrue(termination.snippet().startsWith("Sehr geehrte Damen und Herren, wir bestätigen"), termination.snippet());
        assertFalse(termination.snippet().contains("**"), termination.snippet());
        assertEquals("", hits.stream().filter(h -> h.documentId() == 3).findFirst().orElseThrow().snippet());
    }
}
