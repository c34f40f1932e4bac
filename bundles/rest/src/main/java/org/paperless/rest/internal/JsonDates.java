package org.paperless.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Dates as paperless-ngx writes them: days as 2024-03-01, moments in UTC as 2024-03-01T08:15:00.123456+00:00. */
final class JsonDates {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx")
            .withZone(ZoneOffset.UTC);

    private JsonDates() {
    }

    static String moment(Instant instant) {
        return instant == null ? null : MOMENT.format(instant);
    }

    static String day(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
