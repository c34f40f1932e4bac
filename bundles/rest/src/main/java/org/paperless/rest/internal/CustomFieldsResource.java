package org.paperless.rest.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.paperless.api.ConflictException;
import org.paperless.api.CustomField;
import org.paperless.api.CustomFieldType;
import org.paperless.api.storage.CustomFieldRepository;

/** {@code /api/custom_fields/}: the fields documents can carry; listed, read and created (changes come later). */
final class CustomFieldsResource {

    private final Services services;
    private final String baseUrl;

    CustomFieldsResource(Services services, String baseUrl) {
        this.services = services;
        this.baseUrl = baseUrl;
    }

    void routes(List<Route> routes) {
        routes.add(Route.of("GET", "/custom_fields/", this::list));
        routes.add(Route.of("POST", "/custom_fields/", this::create));
        routes.add(Route.of("GET", "/custom_fields/{id}/", r -> Reply.ok(json(fields().find(r.id())
                .orElseThrow(() -> ApiException.detail(404, "No CustomField matches the given query."))))));
    }

    private CustomFieldRepository fields() {
        return Services.need(services.customFields, "storage", "paperless-storage");
    }

    private Reply list(ApiRequest r) {
        Paging paging = Paging.of(r);
        List<CustomField> all = fields().list().stream()
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
        paging.check(all.size());
        List<CustomField> page = all.subList(Math.min(paging.offset(), all.size()),
                Math.min(paging.offset() + paging.size(), all.size()));
        return Reply.ok(paging.answer(r, baseUrl, all.size(), all.stream().map(CustomField::id).toList(),
                page.stream().map(this::json).toList()));
    }

    private Reply create(ApiRequest r) throws IOException {
        var body = r.json();
        String name = ObjectKind.name(body, null);
        String type = ObjectKind.string(body, "data_type");
        CustomFieldType dataType;
        try {
            dataType = CustomFieldType.parse(type);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("data_type", "\"" + type + "\" is not a valid choice.");
        }
        try {
            return Reply.created(json(fields().create(new CustomField(null, name, dataType))));
        } catch (ConflictException e) {
            throw ApiException.invalid("name", e.getMessage());
        }
    }

    private Map<String, Object> json(CustomField f) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", f.id());
        json.put("name", f.name());
        json.put("data_type", f.dataType().name().toLowerCase(Locale.ROOT));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("select_options", List.of());
        extra.put("default_currency", null);
        json.put("extra_data", extra);
        return json;
    }
}
