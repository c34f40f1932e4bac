package org.paperless.rest.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.paperless.api.ConflictException;
import org.paperless.api.CustomField;
import org.paperless.api.CustomField.SelectOption;
import org.paperless.api.CustomFieldType;
import org.paperless.api.storage.CustomFieldRepository;

/**
 * {@code /api/custom_fields/}: the fields documents can carry, with paperless-ngx's {@code extra_data} (a select
 * field's options with their ids, a monetary field's default currency) and {@code document_count}.
 */
final class CustomFieldsResource {

    private static final Set<String> FIELDS = Set.of("id", "name", "data_type", "extra_data", "document_count");

    private final Services services;
    private final String baseUrl;

    CustomFieldsResource(Services services, String baseUrl) {
        this.services = services;
        this.baseUrl = baseUrl;
    }

    void routes(List<Route> routes) {
        routes.add(Route.of("GET", "/custom_fields/", this::list));
        routes.add(Route.of("POST", "/custom_fields/", this::create));
        routes.add(Route.of("GET", "/custom_fields/{id}/", r -> Reply.ok(json(find(r.id()), fields().documentCounts()))));
        routes.add(Route.of("PATCH", "/custom_fields/{id}/", r -> update(r, false)));
        routes.add(Route.of("PUT", "/custom_fields/{id}/", r -> update(r, true)));
        routes.add(Route.of("DELETE", "/custom_fields/{id}/", this::delete));
    }

    private CustomFieldRepository fields() {
        return Services.need(services.customFields, "storage", "paperless-storage");
    }

    private CustomField find(long id) {
        return fields().find(id).orElseThrow(() -> ApiException.detail(404, "No CustomField matches the given query."));
    }

    private Reply list(ApiRequest r) {
        Paging paging = Paging.of(r);
        Stream<CustomField> fields = fields().list().stream();
        fields = NameFilters.apply(fields, r, CustomField::name, CustomField::id);
        List<CustomField> all = fields.sorted(order(r.param("ordering").orElse("name"))).toList();
        paging.check(all.size());
        List<CustomField> page = all.subList(Math.min(paging.offset(), all.size()),
                Math.min(paging.offset() + paging.size(), all.size()));
        Map<Long, Long> counts = fields().documentCounts();
        return Reply.ok(paging.answer(r, baseUrl, all.size(), all.stream().map(CustomField::id).toList(),
                page.stream().map(f -> json(f, counts)).toList()));
    }

    private static Comparator<CustomField> order(String ordering) {
        boolean descending = ordering.startsWith("-");
        Comparator<CustomField> c = switch (descending ? ordering.substring(1) : ordering) {
            case "name" -> Comparator.comparing(f -> f.name().toLowerCase(Locale.ROOT));
            case "id" -> Comparator.comparing(CustomField::id);
            case "data_type" -> Comparator.comparing(f -> f.dataType().label());
            default -> throw ApiException.invalid("ordering", "Cannot order by '" + ordering
                    + "'; use name, id or data_type, with - for descending");
        };
        return descending ? c.reversed() : c;
    }

    private Reply create(ApiRequest r) throws IOException {
        ObjectNode body = r.json();
        checkFields(body);
        CustomFieldType type = dataType(body, null);
        CustomField field = read(body, new CustomField(null, name(body, null), type), true);
        return Reply.created(json(store(() -> fields().create(field)), Map.of()));
    }

    private Reply update(ApiRequest r, boolean whole) throws IOException {
        CustomField existing = find(r.id());
        ObjectNode body = r.json();
        checkFields(body);
        if (whole && (!body.has("name") || !body.has("data_type"))) {
            throw ApiException.invalid(body.has("name") ? "data_type" : "name", "This field is required.");
        }
        CustomFieldType type = dataType(body, existing.dataType());
        CustomField base = new CustomField(existing.id(), name(body, existing), type, existing.selectOptions(),
                existing.defaultCurrency());
        CustomField field = read(body, base, type != existing.dataType());
        return Reply.ok(json(store(() -> fields().update(field)), fields().documentCounts()));
    }

    private static String name(ObjectNode body, CustomField existing) {
        if (!body.has("name")) {
            if (existing == null) {
                throw ApiException.invalid("name", "This field is required.");
            }
            return existing.name();
        }
        String name = ObjectKind.string(body, "name");
        if (name.isBlank()) {
            throw ApiException.invalid("name", "This field may not be blank.");
        }
        return name;
    }

    private Reply delete(ApiRequest r) {
        find(r.id());
        fields().delete(r.id());
        return Reply.noContent();
    }

    private static void checkFields(ObjectNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.invalid(name, "Unknown field; writable fields are [data_type, extra_data, name]");
            }
        }
    }

    private static CustomFieldType dataType(ObjectNode body, CustomFieldType existing) {
        if (!body.has("data_type")) {
            if (existing == null) {
                throw ApiException.invalid("data_type", "This field is required.");
            }
            return existing;
        }
        String type = ObjectKind.string(body, "data_type");
        try {
            return CustomFieldType.parse(type);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("data_type", "\"" + type + "\" is not a valid choice.");
        }
    }

    /** The field with the body's extra_data; a select field needs at least one labelled option, as paperless-ngx. */
    private static CustomField read(ObjectNode body, CustomField base, boolean typeGiven) {
        List<SelectOption> options = base.selectOptions();
        String currency = base.defaultCurrency();
        JsonNode extra = body.get("extra_data");
        if (extra != null && !extra.isNull()) {
            if (!extra.isObject()) {
                throw ApiException.invalid("extra_data", "Expected an object such as {\"select_options\": [...]}.");
            }
            if (extra.has("select_options") && !extra.get("select_options").isNull()) {
                options = options(extra.get("select_options"));
            }
            if (extra.has("default_currency")) {
                JsonNode c = extra.get("default_currency");
                if (!c.isNull() && (!c.isTextual() || !c.asText().isEmpty() && !c.asText().matches("[A-Za-z]{3}"))) {
                    throw ApiException.invalid("error", "extra_data.default_currency must be a 3-character string");
                }
                currency = c.isNull() || c.asText().isEmpty() ? null : c.asText();
            }
        }
        if (base.dataType() == CustomFieldType.SELECT && (options.isEmpty() || typeGiven && (extra == null
                || !extra.has("select_options")))) {
            throw ApiException.invalid("error", "extra_data.select_options must be a valid list");
        }
        return new CustomField(base.id(), base.name(), base.dataType(), options, currency);
    }

    private static List<SelectOption> options(JsonNode list) {
        if (!list.isArray() || list.isEmpty()) {
            throw ApiException.invalid("error", "extra_data.select_options must be a valid list");
        }
        List<SelectOption> options = new ArrayList<>();
        for (JsonNode o : list) {
            // Before paperless-ngx 2.13 an option was only its label.
            String label = o.isTextual() ? o.asText() : o.path("label").asText("");
            JsonNode id = o.path("id");
            if (label.isBlank()) {
                throw ApiException.invalid("error", "extra_data.select_options must be a valid list");
            }
            options.add(new SelectOption(id.isTextual() || id.isNumber() ? id.asText() : null, label));
        }
        return options;
    }

    private interface Store {
        CustomField run();
    }

    private static CustomField store(Store store) {
        try {
            return store.run();
        } catch (ConflictException | IllegalArgumentException e) {
            throw ApiException.invalid("error", e.getMessage());
        }
    }

    static Map<String, Object> json(CustomField f, Map<Long, Long> counts) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", f.id());
        json.put("name", f.name());
        json.put("data_type", f.dataType().label());
        Map<String, Object> extra = new LinkedHashMap<>();
        List<Map<String, Object>> options = new ArrayList<>();
        for (SelectOption o : f.selectOptions()) {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("id", o.id());
            option.put("label", o.label());
            options.add(option);
        }
        extra.put("select_options", options);
        extra.put("default_currency", f.defaultCurrency());
        json.put("extra_data", extra);
        json.put("document_count", counts.getOrDefault(f.id(), 0L));
        return json;
    }
}
