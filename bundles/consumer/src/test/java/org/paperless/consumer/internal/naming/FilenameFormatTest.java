package org.paperless.consumer.internal.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.paperless.api.Document;

class FilenameFormatTest {

    private static Document doc(Long id, String title, LocalDate created, Instant added, Long asn, String original) {
        return new Document(id, title, "", null, null, null, null, created, null, added, "c", null, asn, null, null,
                original, "application/pdf", 1, null, null, null);
    }

    /** A fully populated document: created 2024-03-05, added 2023-12-31T23:30Z. */
    private static NamingContext full() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Invoice number", "12");
        fields.put("Amount", "EUR99.50");
        return new NamingContext(
                doc(42L, "Invoice 12", LocalDate.of(2024, 3, 5), Instant.parse("2023-12-31T23:30:00Z"), 123L,
                        "scan_0001.final.pdf"),
                "ACME", "Invoice", List.of("tax", "Bank", "2024"), "alice", fields);
    }

    /** Only what a Document must have: everything else is empty. */
    private static NamingContext empty() {
        return new NamingContext(doc(null, "Lonely", null, null, null, null), null, " ", null, null, null);
    }

    private static String render(String template, NamingContext context) {
        return new FilenameFormat(template, false).render(context);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{title}                    | Invoice 12",
        "{correspondent}            | ACME",
        "{document_type}            | Invoice",
        "{created}                  | 2024-03-05",
        "{created_year}             | 2024",
        "{created_year_short}       | 24",
        "{created_month}            | 03",
        "{created_month_name}       | March",
        "{created_month_name_short} | Mar",
        "{created_day}              | 05",
        "{added}                    | 2023-12-31",
        "{added_year}               | 2023",
        "{added_year_short}         | 23",
        "{added_month}              | 12",
        "{added_month_name}         | December",
        "{added_month_name_short}   | Dec",
        "{added_day}                | 31",
        "{asn}                      | 123",
        "{owner_username}           | alice",
        "{original_name}            | scan_0001.final",
        "{doc_pk}                   | 0000042",
        "{tag_list}                 | 2024,Bank,tax",
        "{custom_fields}            | Amount_EUR99.50,Invoice number_12",
    })
    void eachPlaceholder(String template, String expected) {
        assertEquals(expected, render(template, full()));
    }

    @Test
    void addedUsesUtcNotTheServerZone() {
        // 23:30 UTC on New Year's Eve is already January 1st in Berlin; the name must not depend on that.
        java.util.TimeZone saved = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Europe/Berlin"));
            assertEquals("2023/12/31", render("{added_year}/{added_month}/{added_day}", full()));
        } finally {
            java.util.TimeZone.setDefault(saved);
        }
    }

    @Test
    void typicalTemplateBuildsFolders() {
        assertEquals("ACME/2024/Invoice 12", render("{correspondent}/{created_year}/{title}", full()));
        assertEquals("2024-03-05 ACME - Invoice 12", render("{created} {correspondent} - {title}", full()));
    }

    @Test
    void emptyValuesBecomeNone() {
        assertEquals("none/none/Lonely", render("{correspondent}/{document_type}/{title}", empty()));
        assertEquals("none none none none none none none",
                render("{asn} {owner_username} {original_name} {doc_pk} {tag_list} {custom_fields} {created}", empty()));
        assertEquals("none-none", render("{added_month_name}-{created_year_short}", empty()));
    }

    @Test
    void removeNoneDropsEmptyFoldersAndLeftoverSeparators() {
        FilenameFormat f = new FilenameFormat("{correspondent}/{document_type}/{created} - {asn} - {title}", true);
        NamingContext ctx = new NamingContext(doc(1L, "Lonely", LocalDate.of(2024, 1, 2), null, null, null),
                null, null, null, null, null);
        assertEquals("2024-01-02 - Lonely", f.render(ctx));
        assertEquals("Lonely", new FilenameFormat("{asn} - {title}", true).render(empty()));
        assertEquals("Lonely", new FilenameFormat("{title}_{tag_list}", true).render(empty()));
        assertEquals("Lonely", new FilenameFormat("{correspondent}//{title}", true).render(empty()));
        // Values that are present are untouched.
        assertEquals("ACME/Invoice/2024-03-05 - 123 - Invoice 12",
                new FilenameFormat("{correspondent}/{document_type}/{created} - {asn} - {title}", true).render(full()));
    }

    @Test
    void removeNoneKeepsLiteralText() {
        // Only separator-only text next to an empty placeholder goes; other text is the user's.
        assertEquals("ASN/Lonely", new FilenameFormat("ASN {asn}/{title}", true).render(empty()));
        assertEquals("Lonely []", new FilenameFormat("{title} [{asn}]", true).render(empty()));
    }

    @Test
    void renderingNothingIsRefused() {
        FilenameFormat f = new FilenameFormat("{correspondent}/{asn}", true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.render(empty()));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd", "..", "../../..", "..\\..\\windows", "/etc/passwd", "a/../../b", " ../x "})
    void titlesCannotEscapeTheMediaFolder(String title) {
        NamingContext ctx = new NamingContext(doc(1L, title, null, null, null, null), "ACME", null, null, null, null);
        String path = render("{correspondent}/{title}", ctx);
        assertTrue(path.startsWith("ACME/"), path);
        assertEquals(2, path.split("/").length, path); // the title stays one segment
        Path root = Path.of("/media/originals");
        assertTrue(root.resolve(path).normalize().startsWith(root.resolve("ACME")), path);
        // ".." may remain inside a name such as "-..-windows"; it is only dangerous as a whole segment.
        assertFalse(List.of(path.split("/")).contains(".."), path);
    }

    @Test
    void dotDotTitleIsDefused() {
        NamingContext ctx = new NamingContext(doc(1L, "../etc/passwd", null, null, null, null), null, null, null, null, null);
        assertEquals("-etc-passwd", render("{title}", ctx));
        NamingContext dots = new NamingContext(doc(1L, "..", null, null, null, null), null, null, null, null, null);
        assertEquals("docs/none", render("docs/{title}", dots));
    }

    @Test
    void separatorsInsideValuesDoNotMakeFolders() {
        NamingContext ctx = new NamingContext(doc(1L, "Q1/Q2 \\ report", null, null, null, null),
                "A/B", null, List.of("x/y"), null, null);
        assertEquals("A-B/Q1-Q2 - report x-y", render("{correspondent}/{title} {tag_list}", ctx));
    }

    @Test
    void invalidCharactersAndControlsAreStripped() {
        NamingContext ctx = new NamingContext(doc(1L, "a<b>c:d\"e|f?g*h\u0000i\u007fj\tk", null, null, null, null),
                null, null, null, null, null);
        assertEquals("abcdefghij k", render("{title}", ctx));
    }

    @Test
    void dotsAndSpacesAreTrimmedAtSegmentEnds() {
        NamingContext ctx = new NamingContext(doc(1L, " .hidden. ", null, null, null, null), "Corp.", null, null, null, null);
        assertEquals("Corp/hidden", render("{correspondent}/{title}", ctx));
    }

    @Test
    void unicodeIsKept() {
        NamingContext ctx = new NamingContext(doc(1L, "Rechnung Müller 日本", null, null, null, null),
                "Müller GmbH", null, List.of("Ärger", "日本"), null, Map.of("Straße", "Größe"));
        assertEquals("Müller GmbH/Rechnung Müller 日本 Ärger,日本 Straße_Größe",
                render("{correspondent}/{title} {tag_list} {custom_fields}", ctx));
    }

    @Test
    void segmentsAreCappedAtUtf8ByteLimit() {
        String longName = "日".repeat(200); // 600 bytes
        NamingContext ctx = new NamingContext(doc(1L, longName, null, null, null, null), longName, null, null, null, null);
        String[] path = render("{correspondent}/{title}", ctx).split("/");
        assertEquals(255, path[0].getBytes(StandardCharsets.UTF_8).length);
        // The file name keeps room for "_NN" and the extension.
        assertTrue(path[1].getBytes(StandardCharsets.UTF_8).length <= 255 - FilenameFormat.STEM_RESERVE_BYTES);
        assertTrue(path[1].chars().allMatch(c -> c == '日'), "no character cut in half");
    }

    @Test
    void tagListIsSortedDistinctAndSkipsBlanks() {
        NamingContext ctx = new NamingContext(doc(1L, "t", null, null, null, null), null, null,
                java.util.Arrays.asList("b", null, "a", " ", "b", "C"), null, null);
        assertEquals("C,a,b", render("{tag_list}", ctx));
    }

    @Test
    void customFieldsWithoutValueAreLeftOut() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("b", "2");
        fields.put("a", null);
        fields.put("c", "");
        NamingContext ctx = new NamingContext(doc(1L, "t", null, null, null, null), null, null, null, null, fields);
        assertEquals("b_2", render("{custom_fields}", ctx));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{foo}", "{title}/{created_yr}", "{tags[0]}", "{{ title }}"})
    void unknownPlaceholderIsRefused(String template) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FilenameFormat(template, false));
        assertTrue(e.getMessage().contains("unknown placeholder"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/{title}", "/srv/{title}", "\\{title}", "C:\\{title}", " /{title}"})
    void absoluteTemplateIsRefused(String template) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FilenameFormat(template, false));
        assertTrue(e.getMessage().contains("relative"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../{title}", "{correspondent}/../{title}", "a\\..\\{title}", "{title}/.."})
    void dotDotTemplateIsRefused(String template) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FilenameFormat(template, false));
        assertTrue(e.getMessage().contains(".."), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "{title", "title}", "//", "./."})
    void malformedTemplateIsRefused(String template) {
        assertThrows(IllegalArgumentException.class, () -> new FilenameFormat(template, false));
    }

    @Test
    void dotsInsideSegmentsAreFine() {
        assertEquals("v1..2/Invoice 12", render("v1..2/{title}", full()));
        assertEquals("a/Invoice 12", render("./a//{title}/", full()));
    }
}
