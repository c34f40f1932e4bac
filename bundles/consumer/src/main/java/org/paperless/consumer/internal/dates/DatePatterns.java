package org.paperless.consumer.internal.dates;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date shapes paperless-ngx recognises, as one precompiled pattern: a single left-to-right
 * {@link Matcher#find()} then yields candidates in reading order without rescanning the text per shape.
 */
final class DatePatterns {

    /** The parts of a match, not yet checked against the calendar or the clock. */
    record Candidate(int year, boolean twoDigitYear, int month, int day) {
    }

    // A number must not continue a longer one: no digit, and no "digit + separator", directly before or
    // after it. This keeps IBANs, phone numbers and invoice numbers (2024-117-33, 12.345.678) out.
    private static final String NUM_START = "(?<!\\d)(?<!\\d[./-])";
    private static final String NUM_END = "(?!\\d)(?![./-]\\d)";
    // PDF text layers often use no-break spaces between day, month and year.
    private static final String WS = "[\\s\\u00A0]";
    // Separators between the parts. Every run of them is possessive (*+, ++): what follows a run never
    // begins with one of its characters, so giving some back cannot make a match, and two greedy runs in
    // a row ("3" and a million spaces) would otherwise be split every way before failing: quadratic time.
    private static final String SEP = "[\\s\\u00A0-]*+";
    private static final String SEP_COMMA = "[\\s\\u00A0,-]*+";
    // A month name must be a whole word ("Mai" but not "Maisonette"); the dot of "Mär." is optional.
    // Testing the first letter before trying some forty spellings keeps long texts fast.
    private static String month(String group) {
        return "(?=[" + MonthNames.INITIALS + "])(?<!\\p{L})(?<" + group + ">" + MonthNames.REGEX + ")"
                + "(?!\\p{L})\\.?";
    }

    private static String day(String group) {
        return NUM_START + "(?<" + group + ">\\d{1,2})(?!\\d)(?:st|nd|rd|th)?\\.?";
    }

    // Years next to a month name must have four digits: "3 April 24 Stück" is a quantity, not a date.
    private static String longYear(String group) {
        return "(?<" + group + ">\\d{4})" + NUM_END;
    }

    // Each position is first routed by its character (a digit, or a letter that can begin a month name),
    // so that the bulk of a long text costs one cheap test per character instead of five failed shapes.
    // Shapes of the same start are grouped (ISO before day-first so that "2024-04-03" is read whole).
    static final Pattern PATTERN = Pattern.compile("(?=\\d)" + NUM_START + "(?:" + String.join("|",
            // 2024-04-03, 2024.04.03, 2024/04/03: a leading four-digit year is unambiguous, whatever the order.
            "(?<iy>\\d{4})(?<is>[./-])(?<im>\\d{1,2})\\k<is>(?<id>\\d{1,2})" + NUM_END,
            // 03.04.2024, 04/03/24, 24-04-03: the configured order decides; both separators must agree.
            "(?<na>\\d{1,2})(?<ns>[./-])(?<nb>\\d{1,2})\\k<ns>(?<nc>\\d{4}|\\d{2})" + NUM_END,
            // 3 April 2024, 3. März 2024, 3rd of April 2024, 03-Apr-2024
            day("ad") + WS + "*+(?:of" + WS + "++)?-?" + WS + "*+" + month("am") + SEP_COMMA + longYear("ay"))
            + ")|" + month("bm") + "(?:"
            // April 3, 2024, Jan 5 2024, April 3rd, 2024
            + SEP + day("bd") + SEP_COMMA + longYear("by")
            // Dezember 2023: month and year alone
            + "|" + SEP_COMMA + longYear("cy") + ")",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private DatePatterns() {
    }

    /** Reads the match {@code m} of {@link #PATTERN}; {@code order} only matters for the short numeric shape. */
    static Candidate candidate(Matcher m, DateFinder.Order order) {
        if (m.start("iy") >= 0) {
            return new Candidate(num(m, "iy"), false, num(m, "im"), num(m, "id"));
        }
        if (m.start("na") >= 0) {
            return numeric(num(m, "na"), num(m, "nb"), m.group("nc"), order);
        }
        if (m.start("ad") >= 0) {
            return new Candidate(num(m, "ay"), false, MonthNames.month(m.group("am")), num(m, "ad"));
        }
        int month = MonthNames.month(m.group("bm"));
        if (m.start("bd") >= 0) {
            return new Candidate(num(m, "by"), false, month, num(m, "bd"));
        }
        // A month without a day means the document is from that month: take its first day.
        return new Candidate(num(m, "cy"), false, month, 1);
    }

    private static Candidate numeric(int a, int b, String last, DateFinder.Order order) {
        int c = Integer.parseInt(last);
        boolean twoDigit = last.length() == 2;
        return switch (order) {
            case DMY -> new Candidate(c, twoDigit, b, a);
            case MDY -> new Candidate(c, twoDigit, a, b);
            // yy.mm.dd; with a four-digit year at the end the text cannot be year-first, so read it
            // day-first, the most common year-last order.
            case YMD -> twoDigit ? new Candidate(a, true, b, c) : new Candidate(c, false, b, a);
        };
    }

    private static int num(Matcher m, String group) {
        return Integer.parseInt(m.group(group));
    }
}
