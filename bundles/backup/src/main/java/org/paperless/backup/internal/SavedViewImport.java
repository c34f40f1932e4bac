package org.paperless.backup.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.paperless.api.SavedView;
import org.paperless.api.SavedView.FilterRule;
import org.paperless.api.security.ObjectType;
import org.paperless.api.security.UserDirectory;
import org.paperless.api.storage.CollectionImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saved views of an export (ours or paperless-ngx's: {@code documents.savedview} and {@code
 * documents.savedviewfilterrule}), stored in the import's transaction after the documents: the rules that name a
 * tag, correspondent, type, path, document, custom field or user get this instance's ids; a rule whose object the
 * export lacks is left out (the log counts them).
 */
final class SavedViewImport {

    static final String VIEW = "documents.savedview";
    static final String RULE = "documents.savedviewfilterrule";

    private static final Logger LOG = LoggerFactory.getLogger(SavedViewImport.class);
    private static final Set<Integer> TAGS = Set.of(6, 17, 22);
    private static final Set<Integer> CORRESPONDENTS = Set.of(3, 26, 27);
    private static final Set<Integer> TYPES = Set.of(4, 28, 29);
    private static final Set<Integer> PATHS = Set.of(25, 30, 31);
    private static final Set<Integer> OWNERS = Set.of(32, 33, 35);
    private static final Set<Integer> FIELDS = Set.of(39, 40, 41);
    private static final int MORE_LIKE = 21;

    private final List<JsonNode> views = new ArrayList<>();
    private final Map<Long, List<JsonNode>> rules = new HashMap<>();
    private long dropped;

    boolean take(String model, JsonNode record) {
        if (VIEW.equals(model)) {
            views.add(record);
            return true;
        }
        if (RULE.equals(model)) {
            rules.computeIfAbsent(record.path("fields").path("saved_view").asLong(), k -> new ArrayList<>()).add(record);
            return true;
        }
        return false;
    }

    int count() {
        return views.size();
    }

    /** Stores the views with their rules mapped; notes their owners for the permissions. */
    void store(CollectionImport.Session session, IdMaps ids, Map<Long, Long> documentIds, Map<Long, String> users,
            PermissionImport permissions) {
        for (JsonNode record : views) {
            long pk = record.path("pk").asLong();
            JsonNode f = record.path("fields");
            List<FilterRule> mapped = new ArrayList<>();
            List<JsonNode> own = new ArrayList<>(rules.getOrDefault(pk, List.of()));
            own.sort((a, b) -> Long.compare(a.path("pk").asLong(), b.path("pk").asLong()));
            for (JsonNode rule : own) {
                int type = rule.path("fields").path("rule_type").asInt(-1);
                JsonNode value = rule.path("fields").path("value");
                String text = value.isNull() || value.isMissingNode() ? null : value.asText();
                String now = map(type, text, ids, documentIds, users);
                if (type < 0 || (text != null && now == null)) {
                    dropped++;
                    continue;
                }
                mapped.add(new FilterRule(type, now));
            }
            List<String> fields = new ArrayList<>();
            f.path("display_fields").forEach(d -> fields.add(displayField(d.asText(), ids)));
            fields.removeIf(java.util.Objects::isNull);
            JsonNode pageSize = f.path("page_size");
            SavedView view = session.add(new SavedView(null, f.path("name").asText("Saved view"),
                    f.path("sort_field").isTextual() ? f.get("sort_field").asText() : null,
                    f.path("sort_reverse").asBoolean(false), pageSize.canConvertToInt() && pageSize.asInt() > 0
                            ? pageSize.asInt() : null,
                    f.path("display_mode").isTextual() ? f.get("display_mode").asText() : null, fields, mapped,
                    f.path("show_on_dashboard").asBoolean(false), f.path("show_in_sidebar").asBoolean(false)));
            ids.savedViews().put(pk, view.id());
            permissions.owner(ObjectType.SAVED_VIEW, pk, f.path("owner"));
        }
        if (dropped > 0) {
            LOG.warn("{} saved view filter rules name something the export lacks: left out", dropped);
        }
    }

    /** The rule's value with this instance's ids; null when what it names is not here. */
    private static String map(int type, String value, IdMaps ids, Map<Long, Long> documentIds, Map<Long, String> users) {
        if (value == null || !value.matches("\\d{1,18}")) {
            return value;
        }
        long pk = Long.parseLong(value);
        Map<Long, Long> map = TAGS.contains(type) ? ids.tags() : CORRESPONDENTS.contains(type) ? ids.correspondents()
                : TYPES.contains(type) ? ids.types() : PATHS.contains(type) ? ids.paths()
                : FIELDS.contains(type) ? ids.fields() : type == MORE_LIKE ? documentIds : null;
        if (map != null) {
            Long id = map.get(pk);
            return id == null ? null : id.toString();
        }
        if (OWNERS.contains(type)) {
            String user = users.get(pk);
            return user == null ? null : Long.toString(UserDirectory.numberOf(user));
        }
        return value;
    }

    private static String displayField(String field, IdMaps ids) {
        if (!field.startsWith("custom_field_")) {
            return field;
        }
        try {
            Long id = ids.fields().get(Long.parseLong(field.substring("custom_field_".length())));
            return id == null ? null : "custom_field_" + id;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
