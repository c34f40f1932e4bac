package org.paperless.consumer.internal.naming;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.paperless.api.Document;

/** The paperless-ngx placeholders and their raw values; an empty string means "no value". */
final class Placeholders {

    private static final Map<String, Function<NamingContext, String>> VALUES = build();

    private Placeholders() {
    }

    static Set<String> names() {
        return VALUES.keySet();
    }

    static boolean isKnown(String name) {
        return VALUES.containsKey(name);
    }

    static String value(String name, NamingContext context) {
        String value = VALUES.get(name).apply(context);
        return value == null ? "" : value;
    }

    private static Map<String, Function<NamingContext, String>> build() {
        Map<String, Function<NamingContext, String>> m = new TreeMap<>();
        m.put("title", c -> c.document().title());
        m.put("correspondent", NamingContext::correspondent);
        m.put("document_type", NamingContext::documentType);
        m.put("owner_username", NamingContext::ownerUsername);
        m.put("asn", c -> Objects.toString(c.document().archiveSerialNumber(), ""));
        m.put("original_name", c -> withoutExtension(c.document().originalFilename()));
        // paperless-ngx pads the primary key to 7 digits so names sort by id.
        m.put("doc_pk", c -> c.document().id() == null ? "" : String.format(Locale.ROOT, "%07d", c.document().id()));
        m.put("tag_list", Placeholders::tagList);
        m.put("custom_fields", Placeholders::customFields);
        addDates(m, "created", c -> c.document().created());
        // added is an instant; UTC keeps the name independent of the server's time zone.
        addDates(m, "added", c -> c.document().added() == null ? null
                : LocalDate.ofInstant(c.document().added(), ZoneOffset.UTC));
        return Map.copyOf(m);
    }

    private static void addDates(Map<String, Function<NamingContext, String>> m, String prefix,
            Function<NamingContext, LocalDate> date) {
        m.put(prefix, c -> format(date.apply(c), d -> d.toString()));
        m.put(prefix + "_year", c -> format(date.apply(c), d -> String.format(Locale.ROOT, "%04d", d.getYear())));
        m.put(prefix + "_year_short", c -> format(date.apply(c),
                d -> String.format(Locale.ROOT, "%02d", Math.floorMod(d.getYear(), 100))));
        m.put(prefix + "_month", c -> format(date.apply(c), d -> String.format(Locale.ROOT, "%02d", d.getMonthValue())));
        // English, not the server locale: names must not change when the JVM's locale does.
        m.put(prefix + "_month_name", c -> format(date.apply(c),
                d -> d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)));
        m.put(prefix + "_month_name_short", c -> format(date.apply(c),
                d -> d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)));
        m.put(prefix + "_day", c -> format(date.apply(c), d -> String.format(Locale.ROOT, "%02d", d.getDayOfMonth())));
    }

    private static String format(LocalDate date, Function<LocalDate, String> f) {
        return date == null ? "" : f.apply(date);
    }

    private static String withoutExtension(String name) {
        if (name == null) {
            return "";
        }
        // Only the last path element: an uploaded name may carry a client's directory.
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    /** Tag names sorted (code point order, like Python's sorted()) and joined by ",". */
    private static String tagList(NamingContext c) {
        return c.tags().stream().filter(t -> t != null && !t.isBlank()).map(String::strip)
                .distinct().sorted().collect(Collectors.joining(","));
    }

    /** "name_value" pairs sorted by field name, joined by ","; fields without a value are left out. */
    private static String customFields(NamingContext c) {
        return c.customFields().entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null && !e.getValue().isBlank())
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().strip() + "_" + e.getValue().strip())
                .collect(Collectors.joining(","));
    }
}
