package org.paperless.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.paperless.api.ClassifyingObject;
import org.paperless.api.Document;
import org.paperless.api.index.SearchHit;
import org.paperless.api.security.Access;
import org.paperless.api.storage.DocumentQuery;

/**
 * {@code GET /api/search/?query=}: the search box of paperless-ngx's web app, a few of each kind of object whose
 * name contains the text, and documents by title and (unless {@code db_only}) by full text.
 */
final class GlobalSearch {

    static final int EACH = 3;

    private final Services services;

    GlobalSearch(Services services) {
        this.services = services;
    }

    void routes(List<Route> routes) {
        routes.add(Route.of("GET", "/search/", this::search));
    }

    private Reply search(ApiRequest r) throws Exception {
        String query = r.param("query").orElseThrow(() -> ApiException.detail(400, "Query required"));
        if (query.length() < 3) {
            throw ApiException.detail(400, "Query must be at least 3 characters");
        }
        Set<Long> ids = new LinkedHashSet<>();
        List<DocumentQuery.Criterion> byTitle = new ArrayList<>(Visibility.criteria(r.user()));
        byTitle.add(new DocumentQuery.Contains(DocumentQuery.TextField.TITLE, query));
        services.documents().query(new DocumentQuery(byTitle,
                List.of(new DocumentQuery.Order(DocumentQuery.OrderField.MODIFIED, true)), 0, EACH, false))
                .documents().forEach(d -> ids.add(d.id()));
        if (!r.flag("db_only").orElse(false) && services.index != null) {
            services.index.search(query, 0, EACH).hits().stream().map(SearchHit::documentId).forEach(ids::add);
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        if (!ids.isEmpty()) {
            DocumentJson.View view = new DocumentJson.View(r.user(), List.of(), PublicNames.of(services.correspondents()),
                    DocumentJson.View.once(() -> DocumentJson.View.customFields(services)), false, false);
            List<DocumentQuery.Criterion> found = new ArrayList<>(Visibility.criteria(r.user()));
            found.add(new DocumentQuery.IdIn(ids));
            List<Document> page = services.documents().query(new DocumentQuery(found, List.of(), 0, ids.size(), false))
                    .documents();
            Map<Long, Access> access = new Permissions(services).of(page);
            for (Document d : page) {
                documents.add(DocumentJson.of(d, access.get(d.id()), view));
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", documents.size());
        json.put("documents", documents);
        json.put("saved_views", savedViews(query, r));
        json.put("correspondents", named(ObjectKind.correspondents(services), query, r));
        json.put("document_types", named(ObjectKind.documentTypes(services), query, r));
        json.put("storage_paths", named(ObjectKind.storagePaths(services), query, r));
        json.put("tags", named(ObjectKind.tags(services), query, r));
        json.put("users", List.of());
        json.put("groups", List.of());
        json.put("mail_rules", List.of());
        json.put("mail_accounts", List.of());
        json.put("workflows", List.of());
        json.put("custom_fields", List.of());
        int total = documents.size();
        for (String key : List.of("correspondents", "document_types", "storage_paths", "tags")) {
            total += ((List<?>) json.get(key)).size();
        }
        json.put("total", total);
        return Reply.ok(json);
    }

    /** The saved views the user sees whose name holds the query (their id and name). */
    private List<Map<String, Object>> savedViews(String query, ApiRequest r) {
        var views = services.savedViews;
        if (views == null) {
            return List.of();
        }
        String lower = query.toLowerCase(Locale.ROOT);
        var access = services.permissions().accessAll(org.paperless.api.security.ObjectType.SAVED_VIEW);
        return views.list().stream().filter(v -> v.name().toLowerCase(Locale.ROOT).contains(lower))
                .filter(v -> access.getOrDefault(v.id(), org.paperless.api.security.Access.PUBLIC).sees(r.user()))
                .limit(EACH).map(v -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("id", v.id());
                    json.put("name", v.name());
                    return json;
                }).toList();
    }

    private <T extends ClassifyingObject> List<Map<String, Object>> named(ObjectKind<T> kind, String query, ApiRequest r) {
        String lower = query.toLowerCase(Locale.ROOT);
        ObjectKind.View view = kind.view(r, services);
        return kind.repository().list().stream().filter(o -> o.name().toLowerCase(Locale.ROOT).contains(lower))
                .filter(view::sees).limit(EACH).map(o -> kind.json(o, view)).toList();
    }
}
