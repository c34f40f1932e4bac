package org.paperless.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsTest {

    private enum Mode { SKIP, SKIP_NOARCHIVE, REDO }

    private static Settings env(String... nameValue) {
        return Settings.of(nameValue.length == 0 ? Map.<String, String>of()::get : Map.of(nameValue[0], nameValue[1])::get);
    }

    @Test
    void theConfiguredKeyWinsThenTheVariableThenTheDefault() {
        Settings s = env("PAPERLESS_OCR_LANGUAGE", " deu+eng ");
        assertEquals("fra", s.string("language", " fra ", "PAPERLESS_OCR_LANGUAGE", "eng"));
        assertEquals("deu+eng", s.string("language", "", "PAPERLESS_OCR_LANGUAGE", "eng"));
        assertEquals("deu+eng", s.string("language", "  ", "PAPERLESS_OCR_LANGUAGE", "eng"), "blank means not set");
        assertEquals("deu+eng", s.string("language", null, "PAPERLESS_OCR_LANGUAGE", "eng"));
        assertEquals("eng", env("PAPERLESS_OCR_LANGUAGE", " ").string("language", "", "PAPERLESS_OCR_LANGUAGE", "eng"));
        assertNull(env().string("dbPass", "", "PAPERLESS_DBPASS", null));
    }

    @Test
    void aKeyWithoutVariableIgnoresTheEnvironment() {
        assertEquals("gs", env("PAPERLESS_X", "other").string("ghostscript", "", null, "gs"));
    }

    @Test
    void booleansTakePaperlessNgxSpellingsInAnyCase() {
        for (String yes : List.of("true", "TRUE", "t", "Yes", "y", "1")) {
            assertTrue(env().bool("recursive", yes, "PAPERLESS_CONSUMER_RECURSIVE", false), yes);
        }
        for (String no : List.of("false", "False", "f", "NO", "n", "0")) {
            assertFalse(env().bool("recursive", no, "PAPERLESS_CONSUMER_RECURSIVE", true), no);
        }
        assertTrue(env("PAPERLESS_CONSUMER_RECURSIVE", "yes").bool("recursive", "", "PAPERLESS_CONSUMER_RECURSIVE", false));
        assertTrue(env().bool("enabled", "", null, true));
    }

    @Test
    void aValueThatIsNotABooleanIsRefusedRatherThanReadAsFalse() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> env("PAPERLESS_CONSUMER_RECURSIVE", "ture").bool("recursive", "", "PAPERLESS_CONSUMER_RECURSIVE", false));
        assertEquals("PAPERLESS_CONSUMER_RECURSIVE / recursive must be true or false (yes/no, 1/0 work too), got 'ture'",
                e.getMessage());
    }

    @Test
    void numbersAreWholeAndTheMessageNamesVariableAndKey() {
        assertEquals(2, env("PAPERLESS_OCR_PAGES", "2").integer("pages", "", "PAPERLESS_OCR_PAGES", 0));
        assertEquals(0, env().integer("pages", "", "PAPERLESS_OCR_PAGES", 0));
        assertEquals(5_000_000_000L, env().longInteger("maxImagePixels", "5000000000", "PAPERLESS_OCR_MAX_IMAGE_PIXELS", 1));
        var e = assertThrows(IllegalArgumentException.class,
                () -> env("PAPERLESS_OCR_PAGES", "x").integer("pages", "", "PAPERLESS_OCR_PAGES", 0));
        assertEquals("PAPERLESS_OCR_PAGES / pages must be a whole number, got 'x'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env().integer("pages", "2.5", "PAPERLESS_OCR_PAGES", 0));
        assertThrows(IllegalArgumentException.class, () -> env().integer("pages", "5000000000", "PAPERLESS_OCR_PAGES", 0));
        var noVariable = assertThrows(IllegalArgumentException.class, () -> env().integer("timeoutSeconds", "ten", null, 0));
        assertEquals("timeoutSeconds must be a whole number, got 'ten'", noVariable.getMessage());
    }

    @Test
    void secondsTakeFractionsToTheMillisecond() {
        assertEquals(Duration.ofMillis(1500), env().seconds("stableSeconds", "1.5", "PAPERLESS_CONSUMER_INOTIFY_DELAY", null));
        assertEquals(Duration.ofSeconds(30), env("PAPERLESS_CONSUMER_POLLING", "30")
                .seconds("rescanSeconds", "", "PAPERLESS_CONSUMER_POLLING", Duration.ZERO));
        assertEquals(Duration.ofSeconds(5), env().seconds("stableSeconds", "", "PAPERLESS_CONSUMER_INOTIFY_DELAY",
                Duration.ofSeconds(5)));
        assertEquals(Duration.ZERO, env().seconds("rescanSeconds", "0", "PAPERLESS_CONSUMER_POLLING", null));
        assertThrows(IllegalArgumentException.class, () -> env().seconds("rescanSeconds", "-1", "PAPERLESS_CONSUMER_POLLING", null));
        assertThrows(IllegalArgumentException.class, () -> env().seconds("rescanSeconds", "soon", "PAPERLESS_CONSUMER_POLLING", null));
        assertThrows(IllegalArgumentException.class, () -> env().seconds("rescanSeconds", "1e30", "PAPERLESS_CONSUMER_POLLING", null));
    }

    @Test
    void listsAreCommaSeparatedOrJson() {
        assertEquals(List.of("a", "b"), env().list("ignorePatterns", " a, ,b ", "PAPERLESS_CONSUMER_IGNORE_PATTERNS", List.of()));
        assertEquals(List.of("x{1,2}", "\\.tmp$", "c"), env("PAPERLESS_CONSUMER_IGNORE_PATTERNS", "[\"x{1,2}\", \"\\\\.tmp$\", c]")
                .list("ignorePatterns", "", "PAPERLESS_CONSUMER_IGNORE_PATTERNS", List.of()));
        assertEquals(List.of(), env().list("ignorePatterns", "[]", "PAPERLESS_CONSUMER_IGNORE_PATTERNS", List.of("d")));
        assertEquals(List.of("d"), env().list("ignorePatterns", "", "PAPERLESS_CONSUMER_IGNORE_PATTERNS", List.of("d")));
        assertEquals(List.of("é"), env().list("ignorePatterns", "[\"\\u00e9\"]", null, List.of()));
        var e = assertThrows(IllegalArgumentException.class,
                () -> env().list("ignorePatterns", "[\"open]", "PAPERLESS_CONSUMER_IGNORE_PATTERNS", List.of()));
        assertTrue(e.getMessage().startsWith("PAPERLESS_CONSUMER_IGNORE_PATTERNS / ignorePatterns must be a JSON list"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env().list("ignorePatterns", "[\"a\" b]", null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> env().list("ignorePatterns", "[\"\\q\"]", null, List.of()));
    }

    @Test
    void choicesMatchTheConstantNameInAnyCase() {
        assertEquals(Mode.SKIP_NOARCHIVE, env("PAPERLESS_OCR_MODE", "skip_noarchive").choice("mode", "", "PAPERLESS_OCR_MODE",
                Mode.class, Mode.SKIP));
        assertEquals(Mode.REDO, env("PAPERLESS_OCR_MODE", "skip").choice("mode", "Redo", "PAPERLESS_OCR_MODE", Mode.class, Mode.SKIP));
        assertEquals(Mode.SKIP, env().choice("mode", "", "PAPERLESS_OCR_MODE", Mode.class, Mode.SKIP));
        var e = assertThrows(IllegalArgumentException.class,
                () -> env().choice("mode", "sometimes", "PAPERLESS_OCR_MODE", Mode.class, Mode.SKIP));
        assertEquals("PAPERLESS_OCR_MODE / mode must be skip, skip_noarchive or redo, got 'sometimes'", e.getMessage());
    }
}
