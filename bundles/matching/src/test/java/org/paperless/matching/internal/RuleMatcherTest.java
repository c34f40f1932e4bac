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
