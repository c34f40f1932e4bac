package org.paperless.index.lucene.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what people type after {@code created:} into a span of days: {@code 2021}, {@code 2021-03},
 * {@code 2021-03-14}, the paperless-ngx keywords (today, yesterday, this/previous week, month, quarter,
 * year) and relative ones ({@code -3 months}, {@code now}).
 */
final class DateKeywords {

    /** From first to last, both included. */
    record Span(LocalDate first, LocalDate last) {
    }

    private static final Pattern RELATIVE = Pattern.compile("-\\s*(\\d+)\\s*(day|week|month|year)s?");

    private DateKeywords() {
    }

    static Span resolve(String text, LocalDate today) {
        String value = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        switch (value) {
            case "today", "now":
                return day(today);
            case "yesterday":
                return day(today.minusDays(1));
            case "this week":
                return week(today);
            case "previous week", "last week":
                return week(today.minusWeeks(1));
            case "this month":
                return month(YearMonth.from(today));
            case "previous month", "last month":
                return month(YearMonth.from(today).minusMonths(1));
            case "this quarter":
                return quarter(today);
            case "previous quarter", "last quarter":
                return quarter(today.minusMonths(3));
            case "this year":
                return year(today.getYear());
            case "previous year", "last year":
                return year(today.getYear() - 1);
            default:
                return parse(value, today);
        }
    }

    private static Span parse(String value, LocalDate today) {
        Matcher relative = RELATIVE.matcher(value);
        if (relative.matches()) {
            long n = Long.parseLong(relative.group(1));
            LocalDate day = switch (relative.group(2)) {
                case "day" -> today.minusDays(n);
                case "week" -> today.minusWeeks(n);
                case "month" -> today.minusMonths(n);
                default -> today.minusYears(n);
            };
            return day(day);
        }
        try {
            if (value.matches("\\d{4}")) {
                return year(Integer.parseInt(value));
            }
            if (value.matches("\\d{4}-\\d{1,2}")) {
                String[] parts = value.split("-");
                return month(YearMonth.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
            }
            if (value.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
                String[] parts = value.split("-");
                return day(LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
            }
            if (value.matches("\\d{8}")) {
                return day(LocalDate.parse(value, java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a date: " + e.getMessage());
        }
        throw new IllegalArgumentException("'" + value + "' is not a date; use 2021, 2021-03, 2021-03-14, today, "
                + "yesterday, this week/month/quarter/year, previous week/month/quarter/year or -3 months");
    }

    private static Span day(LocalDate day) {
        return new Span(day, day);
    }

    private static Span week(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Span(monday, monday.plusDays(6));
    }

    private static Span month(YearMonth month) {
        return new Span(month.atDay(1), month.atEndOfMonth());
    }

    private static Span quarter(LocalDate day) {
        int firstMonth = (day.getMonthValue() - 1) / 3 * 3 + 1;
        YearMonth first = YearMonth.of(day.getYear(), firstMonth);
        return new Span(first.atDay(1), first.plusMonths(2).atEndOfMonth());
    }

    private static Span year(int year) {
        return new Span(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
}
