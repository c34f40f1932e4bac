package org.paperless.rest.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.paperless.api.NotFoundException;
import org.paperless.api.SavedView;
import org.paperless.api.SavedView.FilterRule;
import org.paperless.api.security.Access;
import org.paperless.api.security.ObjectType;
import org.paperless.api.storage.SavedViewRepository;

/**
 * {@code /api/saved_views/}: saved lists of documents, as paperless-ngx's, with owners and grants as every other
 * object. {@code show_on_dashboard} and {@code show_in_sidebar} belong to the view here (paperless-ngx 2.x keeps
 * them per user in its UI settings); version 9 answers them, version 10 not.
 */
final class SavedViewsResource {

    private static final Set<String> FIELDS = Set.of("id", "name", "sort_field", "sort_reverse", "filter_rules",
            "page_size", "display_mode", "display_fields", "owner", "permissions", "user_can_change", "set_permissions",
            "show_on_dashboard", "show_in_sidebar");
    private static final Set<String> DISPLAY_MODES = Set.of("table", "smallCards", "largeCards");
    private static final Set<String> DISPLAY_FIELDS = Set.of("title", "created", "added", "tag", "correspondent",
            "documenttype", "storagepath", "note", "owner", "shared", "asn", "pagecount");

    private final Services services;
    private final Permissions permissions;
    private final String baseUrl;

    SavedViewsResource(Services services, String baseUrl) {
        this.services = services;
        this.permissions = new Permissions(services);
        this.baseUrl = baseUrl;
    }

    void routes(List<Route> routes) {
        routes.add(Route.of("GET", "/saved_views/", this::list));
        routes.add(Route.of("POST", "/saved_views/", this::create));
        routes.add(Route.of("GET", "/saved_views/{id}/", r -> Reply.ok(json(find(r, accessAll()), r, accessAll()))));
        routes.add(Route.of("PATCH", "/saved_views/{id}/", r -> update(r, false)));
        routes.add(Route.of("PUT", "/saved_views/{id}/", r -> update(r, true)));
        routes.add(Route.of("DELETE", "/saved_views/{id}/", this::delete));
    }

    private SavedViewRepository views() {
        return Services.need(services.savedViews, "storage", "paperless-storage");
    }

    private Map<Long, Access> accessAll() {
        return services.permissions().accessAll(ObjectType.SAVED_VIEW);
    }

    private SavedView find(ApiRequest r, Map<Long, Access> access) {
        return views().find(r.id()).filter(v -> access.getOrDefault(v.id(), Access.PUBLIC).sees(r.user()))
                .orElseThrow(() -> ApiException.detail(404, "No SavedView matches the given query."));
    }

    private Reply list(ApiRequest r) {
        Paging paging = Paging.of(r);
        Map<Long, Access> access = accessAll();
        List<SavedView> all = views().list().stream()
                .filter(v -> access.getOrDefault(v.id(), Access.PUBLIC).sees(r.user())).toList();
        paging.check(all.size());
        List<SavedView> page = all.subList(Math.min(paging.offset(), all.size()),
                Math.min(paging.offset() + paging.size(), all.size()));
        return Reply.ok(paging.answer(r, baseUrl, all.size(), all.stream().map(SavedView::id).toList(),
                page.stream().map(v -> json(v, r, access)).toList()));
    }

    private Reply create(ApiRequest r) throws IOException {
        ObjectNode body = r.json();
        SavedView view = read(body, null);
        Permissions.OwnerChange owner = permissions.forNew(body, r.user());
        SavedView created = views().create(view);
        permissions.store(ObjectType.SAVED_VIEW, created.id(), owner);
        return Reply.created(json(created, r, accessAll()));
    }

    private Reply update(ApiRequest r, boolean whole) throws IOException {
        Map<Long, Access> all = accessAll();
        SavedView existing = find(r, all);
        Access access = all.getOrDefault(existing.id(), Access.PUBLIC);
        Permissions.requireChange(r.user(), access);
        ObjectNode body = r.json();
        if (whole && (!body.has("name") || !body.has("filter_rules"))) {
            throw ApiException.invalid(body.has("name") ? "filter_rules" : "name", "This field is required.");
        }
        Permissions.OwnerChange owner = permissions.forChange(body, r.user(), access);
        SavedView changed = read(body, existing);
        try {
            views().update(changed);
        } catch (NotFoundException e) {
            throw ApiException.detail(404, "No SavedView matches the given query.");
        }
        permissions.store(ObjectType.SAVED_VIEW, existing.id(), owner);
        return Reply.ok(json(changed, r, accessAll()));
    }

    private Reply delete(ApiRequest r) {
        Map<Long, Access> all = accessAll();
        SavedView view = find(r, all);
        if (!all.getOrDefault(view.id(), Access.PUBLIC).governs(r.user())) {
            throw ApiException.detail(403, Permissions.FORBIDDEN);
        }
        views().delete(view.id());
        return Reply.noContent();
    }

    private Map<String, Object> json(SavedView v, ApiRequest r, Map<Long, Access> all) {
        Access access = all.getOrDefault(v.id(), Access.PUBLIC);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", v.id());
        json.put("name", v.name());
        json.put("sort_field", v.sortField());
        json.put("sort_reverse", v.sortReverse());
        List<Map<String, Object>> rules = new ArrayList<>();
        for (FilterRule rule : v.filterRules()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("rule_type", rule.ruleType());
            one.put("value", rule.value());
            rules.add(one);
        }
        json.put("filter_rules", rules);
        json.put("page_size", v.pageSize());
        json.put("display_mode", v.displayMode());
        json.put("display_fields", v.displayFields());
        json.put("owner", Users.id(access.owner()));
        if (r.flag("full_perms").orElse(false)) {
            json.put("permissions", Permissions.json(access));
        } else {
            json.put("user_can_change", access.changes(r.user()));
        }
        if (r.version() < 10) {
            json.put("show_on_dashboard", v.showOnDashboard());
            json.put("show_in_sidebar", v.showInSidebar());
        }
        return json;
    }

    /** A new view from a POST, or the changed one of a PATCH/PUT over {@code existing}; every value checked. */
    private SavedView read(ObjectNode body, SavedView existing) {
        for (var names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.invalid(name, "Unknown field.");
            }
        }
        if (existing == null && !body.has("name")) {
            throw ApiException.invalid("name", "This field is required.");
        }
        if (existing == null && !body.has("filter_rules")) {
            throw ApiException.invalid("filter_rules", "This field is required.");
        }
        String name = body.has("name") ? text(body, "name", false) : existing.name();
        String sortField = body.has("sort_field") ? text(body, "sort_field", true) : existing == null ? null : existing.sortField();
        if (sortField != null && !sortField.matches("[A-Za-z0-9_]{1,128}")) {
            throw ApiException.invalid("sort_field", "A field name: letters, digits and _.");
        }
        boolean reverse = body.has("sort_reverse") ? bool(body, "sort_reverse") : existing != null && existing.sortReverse();
        Integer pageSize = existing == null ? null : existing.pageSize();
        if (body.has("page_size")) {
            JsonNode size = body.get("page_size");
            if (!size.isNull() && !size.canConvertToInt()) {
                throw ApiException.invalid("page_size", "A valid integer is required.");
            }
            pageSize = size.isNull() ? null : size.asInt();
        }
        String mode = body.has("display_mode") ? text(body, "display_mode", true) : existing == null ? null : existing.displayMode();
        if (mode != null && !DISPLAY_MODES.contains(mode)) {
            throw ApiException.invalid("display_mode", "\"" + mode + "\" is not a valid choice.");
        }
        List<String> fields = body.has("display_fields") ? displayFields(body.get("display_fields"))
                : existing == null ? null : existing.displayFields();
        List<FilterRule> rules = body.has("filter_rules") ? rules(body.get("filter_rules"))
                : existing.filterRules();
        boolean dashboard = body.has("show_on_dashboard") ? bool(body, "show_on_dashboard")
                : existing != null && existing.showOnDashboard();
        boolean sidebar = body.has("show_in_sidebar") ? bool(body, "show_in_sidebar")
                : existing != null && existing.showInSidebar();
        try {
            return new SavedView(existing == null ? null : existing.id(), name, sortField, reverse, pageSize, mode,
                    fields, rules, dashboard, sidebar);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("non_field_errors", e.getMessage());
        }
    }

    private static List<FilterRule> rules(JsonNode rules) {
        if (!rules.isArray()) {
            throw ApiException.invalid("filter_rules", "Expected a list of items.");
        }
        if (rules.size() > SavedView.MAX_RULES) {
            throw ApiException.invalid("filter_rules", "At most " + SavedView.MAX_RULES + " rules.");
        }
        List<FilterRule> list = new ArrayList<>();
        for (JsonNode rule : rules) {
            JsonNode type = rule.path("rule_type");
            JsonNode value = rule.path("value");
            if (!type.canConvertToInt() || !type.isIntegralNumber()) {
                throw ApiException.invalid("filter_rules", "rule_type: A valid integer is required.");
            }
            if (!value.isMissingNode() && !value.isNull() && !value.isValueNode()) {
                throw ApiException.invalid("filter_rules", "value: Not a valid string.");
            }
            try {
                list.add(new FilterRule(type.asInt(), value.isMissingNode() || value.isNull() ? null : value.asText()));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("filter_rules", e.getMessage());
            }
        }
        return list;
    }

    private List<String> displayFields(JsonNode fields) {
        if (fields.isNull()) {
            return null;
        }
        if (!fields.isArray()) {
            throw ApiException.invalid("display_fields", "Expected a list of items.");
        }
        Set<Long> customFields = new java.util.HashSet<>();
        Services.need(services.customFields, "storage", "paperless-storage").list()
                .forEach(f -> customFields.add(f.id()));
        List<String> list = new ArrayList<>();
        for (JsonNode f : fields) {
            String field = f.asText("");
            boolean custom = field.matches("custom_field_\\d{1,18}")
                    && customFields.contains(Long.parseLong(field.substring("custom_field_".length())));
            if (!DISPLAY_FIELDS.contains(field) && !custom) {
                throw ApiException.invalid("non_field_errors", "Invalid field: " + field);
            }
            list.add(field);
        }
        return list;
    }

    private static String text(ObjectNode body, String field, boolean nullable) {
        JsonNode v = body.get(field);
        if (v.isNull() && nullable) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.invalid(field, "Not a valid string.");
        }
        return v.asText();
    }

    private static boolean bool(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (!v.isBoolean()) {
            throw ApiException.invalid(field, "Must be a valid boolean.");
        }
        return v.asBoolean();
    }
}
