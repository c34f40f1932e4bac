package org.paperless.api.parser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.paperless.api.runtime.ServiceWait;


/**
 * The parsers present now, each with the MIME types it declared. The highest service.ranking wins a
 * type, so a plugin can take over one; parsers come and go with their bundles. For a component that takes
 * DocumentParser services as a dynamic multiple reference (with their properties). Thread-safe.
 * <p>
 * A parser whose bundle stops (restarted, updated, stopped for a while) leaves its types "away":
 * {@link #forType(String, Duration)} waits for a parser of such a type to come back; a type whose parser
 * was never there or whose bundle was uninstalled is answered at once.
 */
public final class ParserRegistry implements AutoCloseable {

    private record Entry(DocumentParser parser, List<String> types, int ranking, long serviceId) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final AwayTypes away;

    /** A registry whose away types are not shown in paperless:status (another one there shows them). */
    public ParserRegistry() {
        this(false);
    }

    /** @param shownInStatus whether its away types and the tasks waiting for them appear in paperless:status */
    public ParserRegistry(boolean shownInStatus) {
        this.away = new AwayTypes(shownInStatus);
    }

    public void add(DocumentParser parser, Map<String, Object> properties) {
        entries.add(new Entry(parser, types(properties.get(DocumentParser.MIME_TYPES)),
                properties.get("service.ranking") instanceof Integer r ? r : 0,
                properties.get("service.id") instanceof Long id ? id : 0L));
        away.arrived(parser);
    }

    public void remove(DocumentParser parser) {
        List<Entry> gone = new ArrayList<>();
        entries.removeIf(e -> e.parser() == parser && gone.add(e));
        gone.forEach(e -> away.left(e.parser(), e.types()));
    }

    public Optional<DocumentParser> forType(String mime) {
        return entries.stream().filter(e -> e.types().contains(mime))
                .max(Comparator.comparingInt(Entry::ranking).thenComparing(Entry::serviceId, Comparator.reverseOrder()))
                .map(Entry::parser);
    }

    /**
     * The parser for a type; when the type's parser is away and its bundle installed, waits up to
     * {@code limit} for one to come back.
     *
     * @throws InterruptedException when the waiting thread is interrupted or the registry closed
     */
    public Optional<DocumentParser> forType(String mime, Duration limit) throws InterruptedException {
        Optional<DocumentParser> parser = forType(mime);
        if (parser.isPresent()) {
            return parser;
        }
        return away.await(mime, limit, () -> forType(mime));
    }

    /** Why no parser reads a type: null when none ever did, else which bundle went away. */
    public String absence(String mime) {
        return away.absence(mime);
    }

    @Override
    public void close() {
        away.close();
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
