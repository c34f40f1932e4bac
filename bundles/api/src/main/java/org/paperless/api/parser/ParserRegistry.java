package org.paperless.api.parser;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;


/**
 * The parsers present now, each with the MIME types it declared. The highest service.ranking wins a
 * type, so a plugin can take over one; parsers come and go with their bundles. For a component that takes
 * DocumentParser services as a dynamic multiple reference (with their properties). Thread-safe.
 */
public final class ParserRegistry {

    private record Entry(DocumentParser parser, List<String> types, int ranking, long serviceId) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    public void add(DocumentParser parser, Map<String, Object> properties) {
        entries.add(new Entry(parser, types(properties.get(DocumentParser.MIME_TYPES)),
                properties.get("service.ranking") instanceof Integer r ? r : 0,
                properties.get("service.id") instanceof Long id ? id : 0L));
    }

    public void remove(DocumentParser parser) {
        entries.removeIf(e -> e.parser() == parser);
    }

    public Optional<DocumentParser> forType(String mime) {
        return entries.stream().filter(e -> e.types().contains(mime))
                .max(Comparator.comparingInt(Entry::ranking).thenComparing(Entry::serviceId, Comparator.reverseOrder()))
                .map(Entry::parser);
    }

    private static List<String> types(Object value) {
        if (value instanceof String s) {
            return List.of(s.split("\\s*,\\s*"));
        }
        if (value instanceof String[] array) {
            return List.of(array);
        }
        return List.of();
    }
}
