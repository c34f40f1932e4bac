package org.paperless.maintenance.internal.schedule;

import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One field of paperless-ngx's five-field cron (Celery's crontab: minute, hour, day of month, month, day
 * of week), read into the set of values it allows: {@code *}, {@code 5}, {@code 1-5}, {@code fri-mon}
 * (a range may wrap), {@code *}{@code /10}, {@code 1-20/5}, {@code 3/15}, and comma-separated lists of them.
 * Days of the week count from 0 = Sunday (7 is Sunday too) or are named ({@code sun}, {@code monday}).
 */
enum CronField {
    MINUTE("minute", 0, 59, List.of()),
    HOUR("hour", 0, 23, List.of()),
    DAY_OF_MONTH("day of month", 1, 31, List.of()),
    MONTH("month", 1, 12, List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")),
    DAY_OF_WEEK("day of week", 0, 6, List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat"));

    private final String label;
    final int min;
    final int max;
    /** Three-letter names of the values from {@link #min} on. */
    private final List<String> names;

    CronField(String label, int min, int max, List<String> names) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.names = names;
    }

    boolean isFull(SortedSet<Integer> values) {
        return values.size() == max - min + 1;
    }

    SortedSet<Integer> values(String text) {
        SortedSet<Integer> values = new TreeSet<>();
        for (String item : text.split(",", -1)) {
            if (item.isEmpty()) {
                throw refused(text, "an empty item in a list");
            }
            item(item, text, values);
        }
        return values;
    }

    private void item(String item, String text, SortedSet<Integer> values) {
        String range = item;
        int step = 1;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            step = number(item.substring(slash + 1), text);
            if (step < 1) {
                throw refused(text, "a step of 1 or more");
            }
            range = item.substring(0, slash);
        }
        int from;
        int to;
        if (range.equals("*")) {
            from = min;
            to = max;
        } else if (range.indexOf('-') > 0) {
            int dash = range.indexOf('-');
            from = value(range.substring(0, dash), text);
            to = value(range.substring(dash + 1), text);
        } else {
            from = value(range, text);
            to = slash >= 0 ? max : from;
        }
        // a range that wraps (fri-mon, 22-2) runs past the end and starts again at the beginning
        int span = to >= from ? to - from : to + (max - min + 1) - from;
        for (int i = 0; i <= span; i += step) {
            values.add(from + i > max ? from + i - (max - min + 1) : from + i);
        }
    }

    private int value(String token, String text) {
        String lower = token.toLowerCase(Locale.ROOT);
        if (!names.isEmpty() && lower.length() >= 3 && Character.isLetter(lower.charAt(0))) {
            int index = names.indexOf(lower.substring(0, 3));
            if (index >= 0) {
                return min + index;
            }
            throw refused(text, "a number from " + min + " to " + max + " or a name such as " + names.get(0));
        }
        int value = number(token, text);
        if (this == DAY_OF_WEEK && value == 7) {
            return 0;
        }
        if (value < min || value > max) {
            throw refused(text, "numbers from " + min + " to " + max + (this == DAY_OF_WEEK ? " (0 and 7 are Sunday)" : ""));
        }
        return value;
    }

    private int number(String token, String text) {
        if (token.isEmpty() || token.length() > 4 || !token.chars().allMatch(Character::isDigit)) {
            throw refused(text, names.isEmpty() ? "numbers" : "numbers or names");
        }
        return Integer.parseInt(token);
    }

    private IllegalArgumentException refused(String text, String wanted) {
        return new IllegalArgumentException("the " + label + " field '" + text + "' needs " + wanted);
    }
}
