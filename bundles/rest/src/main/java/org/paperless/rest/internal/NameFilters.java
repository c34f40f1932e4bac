package org.paperless.rest.internal;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/** The filters of paperless-ngx's object lists: {@code name__icontains}, {@code name__iexact}, {@code name__istartswith}, {@code id__in}. */
final class NameFilters {

    private NameFilters() {
    }

    static <T> Stream<T> apply(Stream<T> objects, ApiRequest r, Function<T, String> name, Function<T, Long> id) {
        String contains = r.param("name__icontains").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        if (contains != null) {
            objects = objects.filter(o -> name.apply(o).toLowerCase(Locale.ROOT).contains(contains));
        }
        String exact = r.param("name__iexact").orElse(null);
        if (exact != null) {
            objects = objects.filter(o -> name.apply(o).equalsIgnoreCase(exact));
        }
        String starts = r.param("name__istartswith").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        if (starts != null) {
            objects = objects.filter(o -> name.apply(o).toLowerCase(Locale.ROOT).startsWith(starts));
        }
        Set<Long> ids = r.numbers("id__in").orElse(null);
        if (ids != null) {
            objects = objects.filter(o -> ids.contains(id.apply(o)));
        }
        return objects;
    }
}
