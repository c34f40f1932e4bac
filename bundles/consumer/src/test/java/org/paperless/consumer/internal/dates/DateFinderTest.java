package org.paperless.consumer.internal.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.paperless.consumer.internal.dates.DateFinder.Order;

class DateFinderTest {

    // "Today" for every test, so that future and two-digit-year rules are deterministic.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate APRIL_3 = LocalDate.of(2024, 4, 3);

    private static Optional<LocalDate> find(Order order, String text) {
        return new DateFinder(order, CLOCK).find(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DMY | Datum: 03.04.2024",
            "DMY | Datum: 3.4.2024",
            "DMY | Datum: 03/04/2024",
            "DMY | Datum: 03-04-2024",
            "DMY | Datum: 03.04.24",
            "MDY | Date: 04/03/2024",
            "MDY | Date: 4/3/2024",
            "MDY | Date: 04.03.2024",
            "MDY | Date: 04-03-24",
            "YMD | Date: 24.04.03",
            "YMD | Date: 24/04/03"})
    void numericDatesFollowTheOrder(Order order, String text) {
        assertEquals(Optional.of(APRIL_3), find(order, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DMY", "MDY", "YMD"})
    void yearFirstIsAlwaysYearMonthDay(Order order) {
        assertEquals(Optional.of(APRIL_3), find(order, "created 2024-04-03 by scanner"));
        assertEquals(Optional.of(APRIL_3), find(order, "2024/04/03"));
        assertEquals(Optional.of(APRIL_3), find(order, "2024.4.3"));
    }

    @Test
    void aFourDigitYearAtTheEndIsReadDayFirstInYmdOrder() {
        assertEquals(Optional.of(APRIL_3), find(Order.YMD, "03.04.2024"));
    }

    @Test
    void theSameTextGivesDifferentDatesInDifferentOrders() {
        assertEquals(Optional.of(LocalDate.of(2024, 4, 3)), find(Order.DMY, "03/04/2024"));
        assertEquals(Optional.of(LocalDate.of(2024, 3, 4)), find(Order.MDY, "03/04/2024"));
    }

    @Test
    void twoDigitYearsAreThisCenturyUnlessThatIsInTheFuture() {
        assertEquals(Optional.of(LocalDate.of(2024, 4, 3)), find(Order.DMY, "03.04.24"));
        assertEquals(Optional.of(LocalDate.of(2000, 4, 3)), find(Order.DMY, "03.04.00"));
        assertEquals(Optional.of(LocalDate.of(1925, 4, 3)), find(Order.DMY, "03.04.25"));
        assertEquals(Optional.of(LocalDate.of(1999, 12, 31)), find(Order.MDY, "12/31/99"));
    }

    @Test
    void aTwoDigitYearOfThisYearLaterThanTodayIsSkipped() {
        // 2024-12-20 is after "today" and 1924 would be a guess nobody wrote: skip it.
        assertEquals(Optional.of(APRIL_3), find(Order.DMY, "Lieferung 20.12.24, Rechnung 03.04.24"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "3 April 2024",
            "3. April 2024",
            "03. April 2024",
            "April 3, 2024",
            "April 3 2024",
            "April 3rd, 2024",
            "3rd of April 2024",
            "3rd April 2024",
            "03-Apr-2024",
            "3 Apr. 2024",
            "Apr 3, 2024",
            "3 APRIL 2024",
            "3 april 2024",
            "the 3\u00A0April\u00A02024"})
    void englishMonthNames(String text) {
        for (Order order : Order.values()) {
            assertEquals(Optional.of(APRIL_3), find(order, "Invoice date: " + text + ". Thank you"), text);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "03. Mär. 2024   | 2024-03-03",
            "3. März 2024    | 2024-03-03",
            "3. MÄRZ 2024    | 2024-03-03",
            "3. Maerz 2024   | 2024-03-03",
            "3. Marz 2024    | 2024-03-03",
            "3. Mrz. 2024    | 2024-03-03",
            "1. Mai 2024     | 2024-05-01",
            "5. Okt. 2023    | 2023-10-05",
            "24. Dez 2023    | 2023-12-24",
            "7. Januar 2024  | 2024-01-07",
            "7. Jänner 2024  | 2024-01-07",
            "Dezember 2023   | 2023-12-01",
            "Oktober, 2023   | 2023-10-01",
            "Jan 5 2024      | 2024-01-05",
            "Sept. 9, 2023   | 2023-09-09",
            "September 2023  | 2023-09-01",
            "Feb 29, 2024    | 2024-02-29"})
    void germanAndOtherMonthNames(String text, LocalDate expected) {
        assertEquals(Optional.of(expected), find(Order.DMY, "Berlin, den " + text + "\nSehr geehrte"), text);
        assertEquals(Optional.of(expected), find(Order.MDY, text), text);
    }

    @Test
    void decomposedUmlautsFromPdfTextAreUnderstood() {
        assertEquals(Optional.of(LocalDate.of(2024, 3, 3)), find(Order.DMY, "3. Ma\u0308rz 2024"));
    }

    @Test
    void theFirstDateInReadingOrderWins() {
        assertEquals(Optional.of(LocalDate.of(2023, 12, 1)),
                find(Order.DMY, "Kontoauszug Dezember 2023\nBuchung 03.01.2024\nSaldo 2024-01-31"));
        assertEquals(Optional.of(LocalDate.of(2024, 1, 31)),
                find(Order.DMY, "Saldo 2024-01-31\nBuchung 03.01.2024"));
    }

    @Test
    void implausibleDatesAreSkippedAndTheNextOneIsFound() {
        assertEquals(Optional.of(APRIL_3), find(Order.DMY, "Gültig bis 31.12.2030, erstellt 03.04.2024"));
        assertEquals(Optional.of(APRIL_3), find(Order.DMY, "gegründet 12.05.1850; Rechnung vom 03.04.2024"));
        assertEquals(Optional.of(APRIL_3), find(Order.DMY, "31.02.2024 is wrong, 3 April 2024 is right"));
        assertEquals(Optional.of(APRIL_3), find(Order.DMY, "1.1.1900 03.04.2024"));
        assertEquals(Optional.of(APRIL_3), find(Order.DMY, "13.13.2024 00.04.2024 03.04.2024"));
        assertEquals(Optional.of(APRIL_3), find(Order.MDY, "13/04/2024 04/03/2024"));
        assertEquals(Optional.of(APRIL_3), find(Order.DMY, "Mai 2025, 3. Dezember 2099, 2024-04-03"));
        assertEquals(Optional.of(APRIL_3), find(Order.DMY, "1. Juli 2024 (tomorrow is not yet), 3. April 2024"));
    }

    @Test
    void aRejectedDateIsNotReusedAsMonthAndYear() {
        // "31. April" is not a date; "April 2024" inside it must not become 1 April.
        assertEquals(Optional.empty(), find(Order.DMY, "31. April 2024"));
        assertEquals(Optional.of(APRIL_3), find(Order.DMY, "31. April 2024, 3. April 2024"));
    }

    @Test
    void todayIsPlausible() {
        assertEquals(Optional.of(LocalDate.of(2024, 6, 15)), find(Order.DMY, "15.06.2024"));
        assertEquals(Optional.empty(), find(Order.DMY, "16.06.2024"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "Sehr geehrte Damen und Herren, anbei die Unterlagen.",
            "IBAN DE89 3704 0044 0532 0130 00",
            "Telefon +49 30 1234567",
            "Tel. 030-123-4567",
            "Rechnung 2024-117-33",
            "Betrag 12.345.678 EUR",
            "Server 192.168.10.12",
            "Kundennummer 1203.04.2024",
            "Artikel 03.04.20245",
            "Ref 2024-04-033",
            "Ref 12024-04-03",
            "Maisonette mit 3 Zimmern, Marzipan 2024 Stück",
            "3 April 24 Stück",
            "Version 1.2.3"})
    void noDateIsFoundWhereThereIsNone(String text) {
        for (Order order : Order.values()) {
            assertEquals(Optional.empty(), find(order, text), text);
        }
    }

    @Test
    void numbersAroundADateDoNotHideIt() {
        assertEquals(Optional.of(APRIL_3),
                find(Order.DMY, "IBAN DE89 3704 0044 0532 0130 00, Tel. +49 30 1234567, Rechnung 2024-117-33, "
                        + "Betrag 12.345,67 EUR, Datum 03.04.2024"));
    }

    @Test
    void nullTextHasNoDate() {
        assertEquals(Optional.empty(), find(Order.DMY, null));
    }

    @Test
    void aLongTextIsScannedToTheEnd() {
        // ~1 MB of invoice-like noise full of numbers, with the only date at the very end.
        assertEquals(Optional.of(APRIL_3), find(Order.DMY, longInvoiceNoise() + "Berlin, 3. April 2024"));
    }

    private static String longInvoiceNoise() {
        String line = "Pos 17 Artikel 4711-08 Menge 3 Preis 12.345,67 EUR IBAN DE89 3704 0044 0532 0130 00 "
                + "Tel +49 30 1234567 Rechnung 2024-117-33 Mai Maisonette\n";
        StringBuilder text = new StringBuilder(1_100_000);
        while (text.length() < 1_000_000) {
            text.append(line);
        }
        return text.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\u00A0", "\n", " of", " -"})
    @Timeout(10) // the backtracking search took about 150 s for 160,000 spaces, and four times that per doubling
    void aMillionSeparatorsAfterADayOrMonthAreReadInLinearTime(String separator) {
        String run = separator.repeat(1_000_000 / separator.length());
        assertEquals(Optional.of(APRIL_3), find(Order.DMY, "3" + run + "x, Rechnung vom 03.04.2024"));
        assertEquals(Optional.of(APRIL_3), find(Order.DMY, "April" + run + "x, Rechnung vom 03.04.2024"));
        assertEquals(Optional.of(APRIL_3), find(Order.DMY, "Datum: 3rd of" + run + "x 2024-04-03"));
    }

    @Test
    @Timeout(10)
    void aDayAndItsMonthStillPairUpAcrossAnyWhitespace() {
        // The date is where it always was, however far apart its parts are.
        String run = " ".repeat(1_000_000);
        assertEquals(Optional.of(APRIL_3), find(Order.DMY, "3" + run + "April 2024"));
        assertEquals(Optional.of(APRIL_3), find(Order.DMY, "April" + run + "3," + run + "2024"));
    }

    @Test
    void theLinearPatternFindsWhatTheBacktrackingOneFound() {
        // The pattern without its possessive quantifiers is the earlier, backtracking one: on short texts
        // made of date parts and separators both must find the same candidates at the same places.
        Pattern backtracking = Pattern.compile(DatePatterns.PATTERN.pattern().replace("*+", "*").replace("++", "+"),
                DatePatterns.PATTERN.flags());
        assertNotEquals(DatePatterns.PATTERN.pattern(), backtracking.pattern());
        String[] parts = {"3", "03", "12", "2024", "24", " ", "  ", "\u00A0", "\n", "-", ",", ".", "/", "of", "of ",
                "rd", "April", "Apr.", "März", "Mai", "x", "Maisonette"};
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int p = random.nextInt(12); p >= 0; p--) {
                text.append(parts[random.nextInt(parts.length)]);
            }
            assertEquals(candidates(backtracking, text), candidates(DatePatterns.PATTERN, text), text.toString());
        }
    }

    private static List<String> candidates(Pattern pattern, CharSequence text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.start() + "-" + m.end() + " " + DatePatterns.candidate(m, Order.DMY));
        }
        return found;
    }

    @Test
    void aSearchThatRunsOutOfTimeFindsNoDate() {
        // The same text as above, with no time at all: the first clock reading starts it, the second ends it.
        DateFinder hurried = new DateFinder(Order.DMY, CLOCK, 0);
        assertEquals(Optional.empty(), hurried.find(longInvoiceNoise() + "Berlin, 3. April 2024"));
        assertEquals(Optional.empty(), hurried.find(longInvoiceNoise() + "Berlin, 3. April 2024"), "and again");
    }

    @Test
    void ordersAreParsedInAnyCase() {
        assertEquals(Order.DMY, DateFinder.parseOrder("DMY"));
        assertEquals(Order.DMY, DateFinder.parseOrder("dmy"));
        assertEquals(Order.MDY, DateFinder.parseOrder(" Mdy "));
        assertEquals(Order.YMD, DateFinder.parseOrder("YMD"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "DM", "DYM", "german", "D-M-Y"})
    void unknownOrdersAreRefusedWithTheAllowedValues(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DateFinder.parseOrder(text));
        assertTrue(e.getMessage().contains("DMY") && e.getMessage().contains("MDY") && e.getMessage().contains("YMD"),
                e.getMessage());
    }

    @Test
    void aNullOrderIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DateFinder.parseOrder(null));
        assertThrows(NullPointerException.class, () -> new DateFinder(null, CLOCK));
    }
}
