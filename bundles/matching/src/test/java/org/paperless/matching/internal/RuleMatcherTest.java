package org.paperless.matching.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.paperless.api.Matching;
import org.paperless.api.MatchingAlgorithm;

/** The reference semantics, rule by rule. */
class RuleMatcherTest {

    private final RuleMatcher matcher = new RuleMatcher();
    private static final String TEXT = "Stadtwerke Musterstadt GmbH\nRechnung Nr. 2024-117\nIhr Stromverbrauch: 321 kWh.\n"
            + "Bitte überweisen Sie den Betrag   innerhalb von 14 Tagen.";

    private boolean matches(MatchingAlgorithm algorithm, String match, boolean insensitive) {
        return matcher.matches(new Matching(match, algorithm, insensitive), TEXT, "test");
    }

    @Test
    void anyAndAllSplitWordsAndKeepQuotedPhrasesTogether() {
        assertTrue(matches(MatchingAlgorithm.ANY, "gas strom stadtwerke", true));
        assertFalse(matches(MatchingAlgorithm.ANY, "gas strom", true), "whole words only: 'strom' is not 'Stromverbrauch'");
        assertTrue(matches(MatchingAlgorithm.ALL, "rechnung \"betrag innerhalb\"", true), "a phrase's space matches any whitespace");
        assertFalse(matches(MatchingAlgorithm.ALL, "rechnung gas", true));
        assertFalse(matches(MatchingAlgorithm.ANY, "STADTWERKE", false), "case counts unless insensitive");
        assertTrue(matches(MatchingAlgorithm.ANY, "Stadtwerke", false));
        assertTrue(matches(MatchingAlgorithm.ANY, "überweisen", true), "umlauts are word characters");
        assertTrue(matches(MatchingAlgorithm.ANY, "2024-117 (x", true), "words are literal, not regular expressions");
    }

    @Test
    void literalIsTheWholeTextBetweenWordBoundaries() {
        assertTrue(matches(MatchingAlgorithm.LITERAL, "Rechnung Nr. 2024", true));
        assertFalse(matches(MatchingAlgorithm.LITERAL, "Rechnung 2024", true));
        assertFalse(matches(MatchingAlgorithm.LITERAL, "Stadt", true));
    }

    @Test
    void regexSearchesAndBadOnesNeverMatch() {
        assertTrue(matches(MatchingAlgorithm.REGEX, "Nr\\. \\d{4}-\\d+", true));
        assertFalse(matches(MatchingAlgorithm.REGEX, "^Rechnung", false), "no multiline unless asked");
        assertTrue(matches(MatchingAlgorithm.REGEX, "(?m)^Rechnung", false));
        assertFalse(matches(MatchingAlgorithm.REGEX, "([unclosed", true));
    }

    @Test
    void aRegexStartingWithALiteralIsTriedWhereverTheLiteralOccurs() {
        String text = "Vorrechnung 1\nRECHNUNGS-Nr 5\nRechnung Nr. 42";
        assertTrue(matcher.matches(new Matching("\\bRechnung\\s+Nr", MatchingAlgorithm.REGEX, false), text, "t"),
                "the third occurrence matches");
        assertFalse(matcher.matches(new Matching("\\brechnung\\s+Nr", MatchingAlgorithm.REGEX, false), text, "t"),
                "case counts unless insensitive");
        assertTrue(matcher.matches(new Matching("\\brechnungs-nr\\s+\\d", MatchingAlgorithm.REGEX, true), text, "t"));
        assertFalse(matcher.matches(new Matching("\\brechnung\\s+1", MatchingAlgorithm.REGEX, true), text, "t"),
                "'Vorrechnung 1' has no word boundary before 'rechnung'");
        assertTrue(matcher.matches(new Matching("rechnung\\s+1", MatchingAlgorithm.REGEX, true), text, "t"));
    }

    @Test
    void theFuzzyPrefilterNeverRejectsWhatTheRatioAccepts() {
        java.util.Random random = new java.util.Random(3);
        String alphabet = "abcdefghij ";
        for (int i = 0; i < 2000; i++) {
            StringBuilder hay = new StringBuilder();
            for (int c = 0; c < 60; c++) {
                hay.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            int start = random.nextInt(30);
            char[] needle = hay.substring(start, start + 10 + random.nextInt(20)).toCharArray();
            needle[random.nextInt(needle.length)] = 'z';
            String n = new String(needle);
            boolean exact = false;
            for (int s = 0; s + n.length() <= hay.length(); s++) {
                exact |= FuzzyRatio.ratio(n, hay.substring(s, s + n.length())) >= 90;
            }
            assertTrue(!exact || FuzzyRatio.mayReach(n, hay.toString(), 90), "prefilter rejected " + n + " in " + hay);
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void aCatastrophicRegexGivesUpInTime() {
        String evil = "a".repeat(40) + "!";
        long start = System.nanoTime();
        assertFalse(matcher.matches(new Matching("(a+)+$", MatchingAlgorithm.REGEX, false), evil, "evil"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1000, "gave up after " + millis + " ms");
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void aFuzzyRuleOverAHugeTextGivesUpInTimeAndCountsAsNoMatch() {
        // Every stretch of this text has the rule's letters and pieces, but in another order: each one
        // passes the cheap filters and costs a full comparison. Unbounded, 1 MB of it takes minutes.
        String rule = randomLetters(new java.util.Random(7), 100);
        String stretch = piecesShuffled(rule, 21, new java.util.Random(11));
        String huge = stretch.repeat(10_000) + " " + rule;
        assertFalse(matcher.matches(new Matching(rule, MatchingAlgorithm.FUZZY, false), huge, "fuzzy"),
                "the rule is at the very end, after its time is up");
        assertTrue(new RuleMatcher(10_000).matches(new Matching(rule, MatchingAlgorithm.FUZZY, false), stretch + " " + rule, "fuzzy"),
                "the rule is found in a short text of the same kind");
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void aFuzzyRuleFindsItsNameAtTheEndOfALongOrdinaryText() {
        String line = "Pos 17 Artikel 4711-08 Menge 3 Preis 12.345,67 EUR Lieferung frei Haus, Zahlung 14 Tage netto\n";
        String text = line.repeat(11_000) + "Mit freundlichen Gruessen, Stadtwerke Musterstadt";
        assertTrue(text.length() > 1_000_000);
        assertTrue(matcher.matches(new Matching("Stadtwerk Musterstat", MatchingAlgorithm.FUZZY, true), text, "fuzzy"));
        assertFalse(matcher.matches(new Matching("Gaswerke Beispielhausen", MatchingAlgorithm.FUZZY, true), text, "fuzzy"));
    }

    private static String randomLetters(java.util.Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(20)));
        }
        return text.toString();
    }

    /** The text cut into {@code pieces} parts, put together again in a random order. */
    private static String piecesShuffled(String text, int pieces, java.util.Random random) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (int p = 0; p < pieces; p++) {
            parts.add(text.substring(text.length() * p / pieces, text.length() * (p + 1) / pieces));
        }
        java.util.Collections.shuffle(parts, random);
        return String.join("", parts);
    }

    @Test
    void theWordsOfARuleShareItsTime() {
        // Each phrase is searched in fewer reads of the text than it takes to read the clock twice, so only a
        // budget shared by the rule's phrases can run out; with no time at all, it does.
        StringBuilder phrases = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            phrases.append("\"rechnung nummer").append(i).append("\" ");
        }
        String text = "Lieferschein ".repeat(400) + phrases.toString().replace("\"", "");
        Matching all = new Matching(phrases.toString(), MatchingAlgorithm.ALL, true);
        assertTrue(matcher.matches(all, text, "all"));
        assertFalse(new RuleMatcher(0).matches(all, text, "all"));
    }

    @Test
    void fuzzyToleratesTyposAndPunctuation() {
        assertTrue(matches(MatchingAlgorithm.FUZZY, "Stadtwerk Musterstat", true), "two letters off");
        assertTrue(matches(MatchingAlgorithm.FUZZY, "Stadt-werke, Musterstadt!", true), "punctuation ignored");
        assertFalse(matches(MatchingAlgorithm.FUZZY, "Gaswerke Beispielhausen", true));
        assertFalse(matches(MatchingAlgorithm.FUZZY, "STADTWERKE MUSTERSTADT", false), "case counts unless insensitive");
        assertTrue(matches(MatchingAlgorithm.FUZZY, "STADTWERKE MUSTERSTADT", true));
    }

    @Test
    void emptyNoneAndAutoNeverMatch() {
        assertFalse(matches(MatchingAlgorithm.ANY, "  ", true));
        assertFalse(matches(MatchingAlgorithm.NONE, "Stadtwerke", true));
        assertFalse(matches(MatchingAlgorithm.AUTO, "Stadtwerke", true));
        assertFalse(matches(MatchingAlgorithm.ALL, "", true));
    }
}
