package org.paperless.maintenance.internal.schedule;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a Quartz cron expression before it reaches the scheduler, which would only log a refused one
 * and never run the job: each field's syntax and ranges, and one '?' in day-of-month or day-of-week.
 */
final class QuartzCron {

    private record Field(String label, int min, int max, List<String> names) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("seconds", 0, 59, List.of()),
            new Field("minutes", 0, 59, List.of()),
            new Field("hours", 0, 23, List.of()),
            new Field("day of month", 1, 31, List.of()),
            new Field("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
            new Field("day of week", 1, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")),
            new Field("year", 1970, 2199, List.of()));

    private static final int DAY_OF_MONTH = 3;
    private static final int DAY_OF_WEEK = 5;

    private static final Pattern VALUE = Pattern.compile("[0-9]{1,4}|[A-Z]{3}");
    /** A value, a range, either with a step, or * with a step. */
    private static final Pattern ITEM = Pattern.compile("(\\*|(" + VALUE + ")(-(" + VALUE + "))?)(/([0-9]{1,4}))?");
    private static final Pattern MONTH_DAY_SPECIAL = Pattern.compile("L(-[0-9]{1,2})?|LW|[0-9]{1,2}W");
    private static final Pattern WEEKDAY_SPECIAL = Pattern.compile("(" + VALUE + ")(L|#[1-5])");

    private QuartzCron() {
    }

    /** @return the fields joined by single spaces */
    static String check(String[] fields) {
        boolean dayQuestion = fields[DAY_OF_MONTH].equals("?");
        boolean weekdayQuestion = fields[DAY_OF_WEEK].equals("?");
        if (dayQuestion == weekdayQuestion) {
            throw new IllegalArgumentException("a Quartz expression has '?' in either the day-of-month or the"
                    + " day-of-week field (the one not used), not in " + (dayQuestion ? "both" : "neither"));
        }
        for (int i = 0; i < fields.length; i++) {
            if (!fields[i].equals("?")) {
                check(fields[i].toUpperCase(Locale.ROOT), i);
            }
        }
        return String.join(" ", fields);
    }

    private static void check(String text, int index) {
        Field field = FIELDS.get(index);
        for (String item : text.split(",", -1)) {
            if (index == DAY_OF_MONTH && MONTH_DAY_SPECIAL.matcher(item).matches()) {
                checkDigits(item.replaceAll("[^0-9]", ""), field, text);
                continue;
            }
            Matcher special = WEEKDAY_SPECIAL.matcher(item);
            if (index == DAY_OF_WEEK && (item.equals("L") || special.matches())) {
                if (!item.equals("L")) {
                    value(special.group(1), field, text);
                }
                continue;
            }
            Matcher m = ITEM.matcher(item);
            if (!m.matches()) {
                throw refused(field, text);
            }
            if (m.group(2) != null) {
                value(m.group(2), field, text);
            }
            if (m.group(4) != null) {
                value(m.group(4), field, text);
            }
            if (m.group(6) != null && Integer.parseInt(m.group(6)) < 1) {
                throw refused(field, text);
            }
        }
    }

    private static void value(String token, Field field, String text) {
        if (Character.isLetter(token.charAt(0))) {
            if (!field.names().contains(token)) {
                throw refused(field, text);
            }
            return;
        }
        checkDigits(token, field, text);
    }

    private static void checkDigits(String digits, Field field, String text) {
        if (!digits.isEmpty()) {
            int value = Integer.parseInt(digits);
            if (value < field.min() || value > field.max()) {
                throw new IllegalArgumentException("the Quartz " + field.label() + " field '" + text + "' needs numbers from "
                        + field.min() + " to " + field.max());
            }
        }
    }

    private static IllegalArgumentException refused(Field field, String text) {
        return new IllegalArgumentException("the Quartz " + field.label() + " field '" + text + "' cannot be read");
    }
}
