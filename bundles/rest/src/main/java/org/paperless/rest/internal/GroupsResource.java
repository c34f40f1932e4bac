package org.paperless.rest.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.paperless.api.security.UserDirectory.Group;

/**
 * {@code /api/groups/}: the groups of the console's realm, by number. Everyone may list them (to share documents
 * with them); only admins make and delete them. A group's roles are set on the console (jaas:group-role-add).
 */
final class GroupsResource {

    private static final Set<String> FIELDS = Set.of("id", "name", "permissions");

    private final Services services;
    private final String baseUrl;

    GroupsResource(Services services, String baseUrl) {
        this.services = services;
        this.baseUrl = baseUrl;
    }

    void routes(List<Route> routes) {
        routes.add(Route.of("GET", "/groups/", this::list));
        routes.add(Route.of("POST", "/groups/", this::create));
        routes.add(Route.of("GET", "/groups/{id}/", r -> Reply.ok(json(find(r.id())))));
        routes.add(Route.of("PATCH", "/groups/{id}/", this::update));
        routes.add(Route.of("PUT", "/groups/{id}/", this::update));
        routes.add(Route.of("DELETE", "/groups/{id}/", this::delete));
    }

    private Group find(long id) {
        return services.directory().groups().stream().filter(g -> Users.groupId(g.name()) == id).findFirst()
                .orElseThrow(() -> ApiException.detail(404, "No Group matches the given query."));
    }

    private Reply list(ApiRequest r) {
        Paging paging = Paging.of(r);
        String contains = r.param("name__icontains").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        List<Group> all = services.directory().groups().stream()
                .filter(g -> contains == null || g.name().toLowerCase(Locale.ROOT).contains(contains)).toList();
        paging.check(all.size());
        List<Group> page = all.subList(Math.min(paging.offset(), all.size()),
                Math.min(paging.offset() + paging.size(), all.size()));
        return Reply.ok(paging.answer(r, baseUrl, all.size(), all.stream().map(g -> Users.groupId(g.name())).toList(),
                page.stream().map(GroupsResource::json).toList()));
    }

    private Reply create(ApiRequest r) throws IOException {
        UsersResource.requireAdmin(r);
        ObjectNode body = r.json();
        check(body);
        JsonNode name = body.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw ApiException.invalid("name", "This field is required.");
        }
        try {
            return Reply.created(json(services.directory().createGroup(name.asText())));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("name", e.getMessage());
        }
    }

    /** Only what does not change passes: groups are not renamed, and their roles are the console's business. */
    private Reply update(ApiRequest r) throws IOException {
        UsersResource.requireAdmin(r);
        Group group = find(r.id());
        ObjectNode body = r.json();
        check(body);
        if (body.has("name") && !group.name().equals(body.get("name").asText())) {
            throw ApiException.invalid("name", "Renaming a group is not supported: make a new group and delete this one.");
        }
        return Reply.ok(json(group));
    }

    /** Its members leave it; its grants go. */
    private Reply delete(ApiRequest r) {
        UsersResource.requireAdmin(r);
        Group group = find(r.id());
        services.directory().deleteGroup(group.name());
        services.permissions().forgetPrincipal(true, group.name());
        return Reply.noContent();
    }

    static Map<String, Object> json(Group g) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Users.groupId(g.name()));
        json.put("name", g.name());
        json.put("permissions", List.of());
        return json;
    }

    private static void check(ObjectNode body) {
        for (var names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.invalid(name, "Unknown field.");
            }
            if (name.equals("permissions") && body.get(name).isArray() && !body.get(name).isEmpty()) {
                throw ApiException.invalid(name, "A group's permissions are its roles in the console's realm: "
                        + "set them with jaas:group-role-add.");
            }
        }
    }
}
