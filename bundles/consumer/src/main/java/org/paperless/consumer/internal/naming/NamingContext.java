package org.paperless.consumer.internal.naming;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.paperless.api.Document;

/**
 * Everything a placeholder can show, resolved by the caller (names, not ids), so that rendering
 * needs no repository access. Null collections become empty; null or blank values mean "no value".
 */
public record NamingContext(Document document, String correspondent, String documentType,
        List<String> tags, String ownerUsername, Map<String, String> customFields) {

    public NamingContext {
        Objects.requireNonNull(document, "document");
        // Not List.copyOf/Map.copyOf: those reject nulls, and a custom field may exist without a value.
        tags = tags == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(tags));
        customFields = customFields == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
    }
}
