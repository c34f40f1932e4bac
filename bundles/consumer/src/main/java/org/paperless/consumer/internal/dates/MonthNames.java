package org.paperless.consumer.internal.dates;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** English and German month names, full and abbreviated, as they appear in scanned letters and invoices. */
final class MonthNames {

    // Lower-case spelling -> month. Spellings shared by both languages ("april", "jan") appear once.
    // "maerz"/"marz" cover typewriter and OCR spellings of "März" (OCR often loses the umlaut).
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("januar", 1), Map.entry("jänner", 1), Map.entry("jan", 1),
            Map.entry("jän", 1),
            Map.entry("february", 2), Map.entry("februar", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("märz", 3), Map.entry("maerz", 3), Map.entry("marz", 3),
            Map.entry("mar", 3), Map.entry("mär", 3), Map.entry("mrz", 3),
            Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("mai", 5),
            Map.entry("june", 6), Map.entry("juni", 6), Map.entry("jun", 6),
            Map.entry("july", 7), Map.entry("juli", 7), Map.entry("jul", 7),
            Map.entry("august", 8), Map.entry("aug", 8),
            Map.entry("september", 9), Map.entry("sept", 9), Map.entry("sep", 9),
            Map.entry("october", 10), Map.entry("oktober", 10), Map.entry("oct", 10), Map.entry("okt", 10),
            Map.entry("november", 11), Map.entry("nov", 11),
            Map.entry("december", 12), Map.entry("dezember", 12), Map.entry("dec", 12), Map.entry("dez", 12));

    /**
     * A regex alternation of all spellings, longest first so that "september" is preferred over "sep"
     * without relying on backtracking. Meant for a case-insensitive, Unicode-case pattern.
     */
    static final String REGEX = MONTHS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .collect(Collectors.joining("|", "(?:", ")"));

    /** The distinct first letters of all spellings, for a cheap character-class test before {@link #REGEX}. */
    static final String INITIALS = MONTHS.keySet().stream()
            .map(name -> name.substring(0, 1)).distinct().sorted().collect(Collectors.joining());

    private MonthNames() {
    }

    /** The month 1..12 for a spelling matched by {@link #REGEX}, in any case; 0 when unknown. */
    static int month(String name) {
        return MONTHS.getOrDefault(name.toLowerCase(Locale.ROOT), 0);
    }
}
