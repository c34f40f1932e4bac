package org.paperless.consumer.internal.dates;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;

import org.paperless.api.text.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the created date of a document in its text, as paperless-ngx does: the first plausible date in
 * reading order. Plausible means a real calendar date after the year 1900 and not after today.
 *
 * <p>Like paperless-ngx, it reads the whole text, however long; what bounds it is CPU time, counted the
 * same way as for the regular expressions of matching rules. A search that runs out of it finds no date.
 */
public final class DateFinder {

    /** How to read an ambiguous numeric date like 03/04/2024 (PAPERLESS_DATE_ORDER). */
    public enum Order { DMY, MDY, YMD }

    /**
     * CPU time for one document's search. The search takes time in proportion to the text: a megabyte full
     * of numbers took 60 ms, 250 ms in a JVM that had not compiled the regex engine yet; so only texts of
     * several megabytes reach this.
     */
    static final long BUDGET_MILLIS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(DateFinder.class);

    private final Order order;
    private final Clock clock;
    private final long budgetNanos;
    private final AtomicBoolean reported = new AtomicBoolean();

    public DateFinder(Order order, Clock clock) {
        this(order, clock, BUDGET_MILLIS);
    }

    DateFinder(Order order, Clock clock, long budgetMillis) {
        this.order = Objects.requireNonNull(order, "order");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.budgetNanos = budgetMillis * 1_000_000L;
    }

    /** The first plausible date in the text, scanning in reading order; empty when none (or no text). */
    public Optional<LocalDate> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        // PDF text layers may spell "März" with a combining diaeresis; the month table uses composed letters.
        String composed = Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        LocalDate today = LocalDate.now(clock);
        Matcher m = DatePatterns.PATTERN.matcher(Deadline.ofNanos(budgetNanos).guard(composed));
        try {
            // A rejected candidate is consumed whole: "31. April 2024" must not turn into "April 2024".
            while (m.find()) {
                Optional<LocalDate> date = plausible(DatePatterns.candidate(m, order), today);
                if (date.isPresent()) {
                    return date;
                }
            }
        } catch (Deadline.Expired e) {
            reportTimeOut(composed.length());
        }
        return Optional.empty();
    }

    private void reportTimeOut(int length) {
        String message = "Looking for a date in a text of {} characters took more than {} ms of CPU time; the "
                + "document's created date comes from its file instead";
        if (reported.compareAndSet(false, true)) {
            LOG.warn(message + " (later ones are logged at debug level)", length, budgetNanos / 1_000_000);
        } else {
            LOG.debug(message, length, budgetNanos / 1_000_000);
        }
    }

    /** Parses a PAPERLESS_DATE_ORDER value, in any case. */
    public static Order parseOrder(String text) {
        String value = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (Order o : Order.values()) {
            if (o.name().equals(value)) {
                return o;
            }
        }
        throw new IllegalArgumentException("Unknown date order '" + text + "', allowed: "
                + Arrays.toString(Order.values()));
    }

    private static Optional<LocalDate> plausible(DatePatterns.Candidate c, LocalDate today) {
        int year = c.year();
        if (c.twoDigitYear()) {
            // 24 is 2024 unless that year has not come yet; then it is a last-century date (99 -> 1999).
            year = 2000 + year <= today.getYear() ? 2000 + year : 1900 + year;
        }
        // Checked by hand instead of catching DateTimeException: invalid candidates are common in OCR text.
        if (year <= 1900 || c.month() < 1 || c.month() > 12 || c.day() < 1
                || c.day() > YearMonth.of(year, c.month()).lengthOfMonth()) {
            return Optional.empty();
        }
        LocalDate date = LocalDate.of(year, c.month(), c.day());
        return date.isAfter(today) ? Optional.empty() : Optional.of(date);
    }
}
