package org.paperless.rest.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.paperless.api.ClassifyingObject;
import org.paperless.api.security.Access;

/**
 * {@code POST /api/bulk_edit_objects/}: paperless-ngx's {@code {"objects": [ids] or "all": true, "object_type":
 * "tags"..., "operation": "set_permissions" or "delete"}} on tags, correspondents, document types or storage paths.
 * Every object is checked first (it must exist and be seen, and be the user's to give away or delete); then the
 * change is made.
 */
final class BulkEditObjects {

    private static final Set<String> FILTERS = Set.of("name__icontains", "name__iexact", "name__istartswith", "id__in");

    private final Services services;
    private final Permissions permissions;

    BulkEditObjects(Services services) {
        this.services = services;
        this.permissions = new Permissions(services);
    }

    void routes(List<Route> routes) {
        routes.add(Route.of("POST", "/bulk_edit_objects/", this::edit));
    }

    private Reply edit(ApiRequest r) throws IOException {
        ObjectNode body = r.json();
        String type = body.path("object_type").asText("");
        ObjectKind<?> kind = switch (type) {
            case "tags" -> ObjectKind.tags(services);
            case "correspondents" -> ObjectKind.correspondents(services);
            case "document_types" -> ObjectKind.documentTypes(services);
            case "storage_paths" -> ObjectKind.storagePaths(services);
            default -> throw ApiException.invalid("object_type", "\"" + type + "\" is not a valid choice.");
        };
        String operation = body.path("operation").asText("");
        if (!operation.equals("set_permissions") && !operation.equals("delete")) {
            throw ApiException.invalid("operation", "\"" + operation + "\" is not a valid choice.");
        }
        ObjectKind.View view = kind.view(r, services);
        List<Long> ids = body.path("all").asBoolean(false) ? all(kind, view, body.get("filters")) : given(kind, view, body.get("objects"));
        for (long id : ids) {
            if (!view.of(id).governs(r.user())) {
                throw ApiException.detail(403, Permissions.INSUFFICIENT);
            }
        }
        if (operation.equals("delete")) {
            for (long id : ids) {
                kind.repository().delete(id);
                services.permissions().forget(kind.type, id);
            }
        } else {
            setPermissions(kind, view, ids, body);
        }
        return Reply.ok(Map.of("result", "OK"));
    }

    /** As paperless-ngx: with {@code merge} only objects without an owner get the one given, and grants are added. */
    private void setPermissions(ObjectKind<?> kind, ObjectKind.View view, List<Long> ids, ObjectNode body) {
        boolean merge = body.path("merge").asBoolean(false);
        String owner = body.has("owner") ? permissions.owner(body.get("owner")) : null;
        boolean setOwner = body.has("owner") && (!merge || owner != null);
        JsonNode set = body.get("permissions");
        for (long id : ids) {
            Access access = view.of(id);
            if (setOwner && (!merge || access.owner() == null)) {
                services.permissions().setOwner(kind.type, id, owner);
            }
            if (set != null && !set.isNull()) {
                services.permissions().setGrants(kind.type, List.of(id), permissions.read(set, access.grants(), merge));
            }
        }
    }

    private static List<Long> given(ObjectKind<?> kind, ObjectKind.View view, JsonNode objects) {
        if (objects == null || !objects.isArray() || objects.isEmpty()) {
            throw ApiException.invalid("objects", "objects is required unless all is true.");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (JsonNode id : objects) {
            if (!id.isIntegralNumber() || !id.canConvertToLong() || !ids.add(id.asLong())
                    || kind.repository().find(id.asLong()).filter(view::sees).isEmpty()) {
                throw ApiException.invalid("objects", "Some ids in objects don't exist or were specified twice.");
            }
        }
        return List.copyOf(ids);
    }

    /** Every object the user sees, narrowed by the name and id filters of the object lists. */
    private static List<Long> all(ObjectKind<?> kind, ObjectKind.View view, JsonNode filters) {
        if (filters != null && !filters.isNull() && !filters.isObject()) {
            throw ApiException.invalid("filters", "Expected a dictionary of items.");
        }
        List<Long> ids = new ArrayList<>();
        for (ClassifyingObject o : kind.repository().list()) {
            if (view.sees(o) && matches(o, filters)) {
                ids.add(o.id());
            }
        }
        return ids;
    }

    private static boolean matches(ClassifyingObject o, JsonNode filters) {
        if (filters == null || filters.isNull()) {
            return true;
        }
        String name = o.name().toLowerCase(Locale.ROOT);
        for (var it = filters.fields(); it.hasNext();) {
            var f = it.next();
            if (!FILTERS.contains(f.getKey())) {
                throw ApiException.invalid("filters", "Unknown filter '" + f.getKey() + "'; this version takes " + FILTERS);
            }
            String value = f.getValue().asText("").toLowerCase(Locale.ROOT);
            boolean ok = switch (f.getKey()) {
                case "name__icontains" -> name.contains(value);
                case "name__iexact" -> name.equals(value);
                case "name__istartswith" -> name.startsWith(value);
                default -> List.of(value.split(",")).contains(String.valueOf(o.id()));
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
