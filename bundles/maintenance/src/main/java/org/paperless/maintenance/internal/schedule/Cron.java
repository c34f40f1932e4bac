package org.paperless.maintenance.internal.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * A schedule as Karaf's scheduler (Quartz) takes it. paperless-ngx's five fields (minute hour day-of-month
 * month day-of-week, {@code 30 0 * * sun}) are converted; six or seven fields are Quartz's own (seconds
 * first, an optional year last) and are checked, not changed.
 */
final class Cron {

    private Cron() {
    }

    /** @throws IllegalArgumentException saying what is wrong, for a person who wrote the expression */
    static String toQuartz(String expression) {
        String[] fields = expression.strip().split("\\s+");
        return switch (fields.length) {
            case 5 -> fromFiveFields(fields);
            case 6, 7 -> QuartzCron.check(fields);
            default -> throw new IllegalArgumentException("a cron expression has 5 fields (minute hour day-of-month month"
                    + " day-of-week, as paperless-ngx) or 6 to 7 (Quartz: seconds first), not " + fields.length);
        };
    }

    private static String fromFiveFields(String[] fields) {
        SortedSet<Integer> minutes = CronField.MINUTE.values(fields[0]);
        SortedSet<Integer> hours = CronField.HOUR.values(fields[1]);
        SortedSet<Integer> days = CronField.DAY_OF_MONTH.values(fields[2]);
        SortedSet<Integer> months = CronField.MONTH.values(fields[3]);
        SortedSet<Integer> weekdays = CronField.DAY_OF_WEEK.values(fields[4]);
        boolean anyDay = CronField.DAY_OF_MONTH.isFull(days);
        boolean anyWeekday = CronField.DAY_OF_WEEK.isFull(weekdays);
        if (!anyDay && !anyWeekday) {
            // paperless-ngx wants both to match, Unix cron either; Quartz can say neither
            throw new IllegalArgumentException("restrict either the day of month or the day of week, not both"
                    + " (use the Quartz form for anything finer)");
        }
        // Quartz numbers the days of the week from 1 = Sunday
        List<Integer> quartzWeekdays = weekdays.stream().map(d -> d + 1).toList();
        return String.join(" ", "0", field(minutes, CronField.MINUTE), field(hours, CronField.HOUR),
                anyDay && !anyWeekday ? "?" : field(days, CronField.DAY_OF_MONTH), field(months, CronField.MONTH),
                anyWeekday ? "?" : list(quartzWeekdays, 7));
    }

    private static String field(SortedSet<Integer> values, CronField field) {
        return field.isFull(values) ? "*" : list(new ArrayList<>(values), field.max);
    }

    /** {@code 5/15} (from 5 every 15) for an even step that runs to the end, else runs ({@code 8-17}) and single values. */
    private static String list(List<Integer> values, int max) {
        if (values.size() >= 3) {
            int step = values.get(1) - values.get(0);
            boolean even = step > 1;
            for (int i = 1; i < values.size() && even; i++) {
                even = values.get(i) - values.get(i - 1) == step;
            }
            if (even && values.get(values.size() - 1) + step > max) {
                return values.get(0) + "/" + step;
            }
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < values.size(); ) {
            int j = i;
            while (j + 1 < values.size() && values.get(j + 1) == values.get(j) + 1) {
                j++;
            }
            if (j - i >= 2) {
                items.add(values.get(i) + "-" + values.get(j));
            } else {
                for (int k = i; k <= j; k++) {
                    items.add(String.valueOf(values.get(k)));
                }
            }
            i = j + 1;
        }
        return String.join(",", items);
    }
}
