package org.paperless.rest.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.paperless.api.security.Access;
import org.paperless.api.security.Grants;
import org.paperless.api.security.ObjectType;
import org.paperless.api.storage.DocumentRepository.Trashed;

/**
 * {@code /api/trash/}: the documents deleted through the API or the console, newest first, and
 * {@code {"action": "restore" | "empty", "documents": [ids]}} (all of them without ids), as paperless-ngx.
 */
final class TrashResource {

    private final Services services;
    private final String baseUrl;

    TrashResource(Services services, String baseUrl) {
        this.services = services;
        this.baseUrl = baseUrl;
    }

    void routes(List<Route> routes) {
        routes.add(Route.of("GET", "/trash/", this::list));
        routes.add(Route.of("POST", "/trash/", this::act));
    }

    private Reply list(ApiRequest r) {
        Paging paging = Paging.of(r);
        List<Trashed> all = new ArrayList<>(services.documents().trash().stream()
                .filter(t -> mine(r, t)).toList());
        all.sort((x, y) -> y.deletedAt().compareTo(x.deletedAt()));
        paging.check(all.size());
        DocumentJson.View view = DocumentJson.View.of(r, services);
        List<Map<String, Object>> page = new ArrayList<>();
        for (Trashed t : all.subList(Math.min(paging.offset(), all.size()), Math.min(paging.offset() + paging.size(), all.size()))) {
            Map<String, Object> json = DocumentJson.of(t.document(), new Access(t.document().owner(), Grants.NONE), view);
            json.put("deleted_at", JsonDates.moment(t.deletedAt()));
            page.add(json);
        }
        return Reply.ok(paging.answer(r, baseUrl, all.size(), all.stream().map(t -> t.document().id()).toList(), page));
    }

    private Reply act(ApiRequest r) throws IOException {
        var body = r.json();
        String action = body.path("action").asText("");
        if (!action.equals("restore") && !action.equals("empty")) {
            throw ApiException.invalid("action", "\"" + action + "\" is not a valid choice; use restore or empty.");
        }
        Set<Long> trashed = new java.util.HashSet<>();
        services.documents().trash().stream().filter(t -> mine(r, t))
                .forEach(t -> trashed.add(t.document().id()));
        List<Long> ids = new ArrayList<>();
        JsonNode documents = body.get("documents");
        if (documents == null || documents.isNull()) {
            ids.addAll(trashed);
        } else {
            if (!documents.isArray()) {
                throw ApiException.invalid("documents", "Expected a list of document ids.");
            }
            for (JsonNode id : documents) {
                if (!id.canConvertToLong() || !trashed.contains(id.asLong())) {
                    throw ApiException.invalid("documents", "Some documents in the list are not in the trash: " + id);
                }
                ids.add(id.asLong());
            }
        }
        if (action.equals("restore")) {
            services.documents().restore(ids);
        } else {
            services.documents().emptyTrash(ids);
            ids.forEach(id -> services.permissions().forget(ObjectType.DOCUMENT, id));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("result", "OK");
        json.put("doc_ids", ids);
        return Reply.ok(json);
    }

    /** The trash shows a user the documents they own and those nobody owns; admins all (as paperless-ngx). */
    private static boolean mine(ApiRequest r, Trashed t) {
        return new Access(t.document().owner(), Grants.NONE).governs(r.user());
    }
}
