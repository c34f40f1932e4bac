package org.paperless.rest.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.paperless.api.Document;
import org.paperless.api.security.Access;
import org.paperless.api.security.ApiUser;
import org.paperless.api.security.Grants;
import org.paperless.api.security.ObjectType;
import org.paperless.api.security.UserDirectory;

/**
 * Owners and grants as the API reads and writes them: {@code owner} as a user's number, {@code permissions} and
 * {@code set_permissions} as {@code {"view": {"users": [...], "groups": [...]}, "change": {...}}}.
 */
final class Permissions {

    static final String FORBIDDEN = "You do not have permission to perform this action.";
    static final String INSUFFICIENT = "Insufficient permissions.";

    private final Services services;

    Permissions(Services services) {
        this.services = services;
    }

    /** A document's owner with its grants. */
    Access of(Document d) {
        Access stored = services.permissions().access(ObjectType.DOCUMENT, List.of(d.id())).get(d.id());
        return new Access(d.owner(), stored == null ? Grants.NONE : stored.grants());
    }

    /** The access of a page of documents, read at once. */
    Map<Long, Access> of(Collection<Document> documents) {
        Map<Long, Access> stored = documents.isEmpty() ? Map.of()
                : services.permissions().access(ObjectType.DOCUMENT, documents.stream().map(Document::id).toList());
        Map<Long, Access> access = new HashMap<>();
        for (Document d : documents) {
            Access a = stored.get(d.id());
            access.put(d.id(), new Access(d.owner(), a == null ? Grants.NONE : a.grants()));
        }
        return access;
    }

    /** Every object of a type that has an owner or grants; the others are everyone's. */
    Map<Long, Access> objects(ObjectType type) {
        return services.permissions().accessAll(type);
    }

    static void requireChange(ApiUser user, Access access) {
        if (!access.changes(user)) {
            throw ApiException.detail(403, FORBIDDEN);
        }
    }

    static void requireGovern(ApiUser user, Access access) {
        if (!access.governs(user)) {
            throw ApiException.detail(403, INSUFFICIENT);
        }
    }

    static boolean sharedBy(ApiUser user, Access access) {
        return user.name().equals(access.owner()) && !access.grants().isEmpty();
    }

    static Map<String, Object> json(Access access) {
        Grants g = access.grants();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("view", principals(g.viewUsers(), g.viewGroups()));
        json.put("change", principals(g.changeUsers(), g.changeGroups()));
        return json;
    }

    private static Map<String, Object> principals(Set<String> users, Set<String> groups) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("users", users.stream().map(Users::id).sorted().toList());
        json.put("groups", groups.stream().map(Users::groupId).sorted().toList());
        return json;
    }

    /** The user a request's {@code owner} names: null for none. */
    String owner(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw ApiException.invalid("owner", "Incorrect type. Expected pk value, received " + value.getNodeType()
                    .name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        String name = userNames().get(value.asLong());
        if (name == null) {
            throw ApiException.invalid("owner", "Invalid pk \"" + value.asText() + "\" - object does not exist.");
        }
        return name;
    }

    /**
     * The grants after a {@code set_permissions}: each of view/change and within it users/groups that is given
     * replaces what was there, or is added to it ({@code merge}); a change grant brings the view grant with it, as
     * paperless-ngx stores both.
     */
    Grants read(JsonNode set, Grants current, boolean merge) {
        if (set == null || set.isNull()) {
            return current;
        }
        if (!set.isObject()) {
            throw ApiException.invalid("set_permissions", "Expected a dictionary of items but got type \""
                    + set.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + "\".");
        }
        Set<String> viewUsers = new HashSet<>(current.viewUsers());
        Set<String> viewGroups = new HashSet<>(current.viewGroups());
        Set<String> changeUsers = new HashSet<>(current.changeUsers());
        Set<String> changeGroups = new HashSet<>(current.changeGroups());
        Map<Long, String> users = userNames();
        Map<Long, String> groups = groupNames();
        for (var fields = set.fieldNames(); fields.hasNext();) {
            String action = fields.next();
            if (!action.equals("view") && !action.equals("change")) {
                throw ApiException.invalid("set_permissions", "Unknown permission '" + action + "'; use view and change.");
            }
        }
        replace(set.path("view"), "users", users, viewUsers, merge);
        replace(set.path("view"), "groups", groups, viewGroups, merge);
        replace(set.path("change"), "users", users, changeUsers, merge);
        replace(set.path("change"), "groups", groups, changeGroups, merge);
        if (set.has("change")) {
            viewUsers.addAll(changeUsers);
            viewGroups.addAll(changeGroups);
        }
        return new Grants(viewUsers, viewGroups, changeUsers, changeGroups);
    }

    private static void replace(JsonNode action, String field, Map<Long, String> known, Set<String> into, boolean merge) {
        if (!action.isObject() || !action.has(field) || action.get(field).isNull()) {
            return;
        }
        JsonNode ids = action.get(field);
        if (!ids.isArray()) {
            throw ApiException.invalid("set_permissions", "Expected a list of " + field + " ids.");
        }
        Set<String> names = new HashSet<>();
        for (JsonNode id : ids) {
            String name = id.isIntegralNumber() ? known.get(id.asLong()) : null;
            if (name == null || !names.add(name)) {
                throw ApiException.invalid("set_permissions", "Some " + field + " in don't exist or were specified twice.");
            }
        }
        if (!merge) {
            into.clear();
        }
        into.addAll(names);
    }

    private Map<Long, String> userNames() {
        Map<Long, String> names = new HashMap<>();
        for (UserDirectory.Account a : services.directory().users()) {
            names.put(Users.id(a.name()), a.name());
        }
        return names;
    }

    private Map<Long, String> groupNames() {
        Map<Long, String> names = new HashMap<>();
        for (UserDirectory.Group g : services.directory().groups()) {
            names.put(Users.groupId(g.name()), g.name());
        }
        return names;
    }

    /** What a change of an object's {@code owner} and {@code set_permissions} asks, checked, to store once it is. */
    record OwnerChange(boolean newOwner, String owner, Grants grants, Grants before) {
    }

    /**
     * The {@code owner} and {@code set_permissions} of a new object: its maker owns it unless the body names an
     * owner (or null), as paperless-ngx.
     */
    OwnerChange forNew(com.fasterxml.jackson.databind.node.ObjectNode body, ApiUser maker) {
        String owner = body.has("owner") ? owner(body.get("owner")) : maker.name();
        return new OwnerChange(true, owner, read(body.get("set_permissions"), Grants.NONE, false), Grants.NONE);
    }

    /** The same for a change: only the owner (or an admin, or anyone while nothing owns it) gives it away or shares it. */
    OwnerChange forChange(com.fasterxml.jackson.databind.node.ObjectNode body, ApiUser user, Access access) {
        boolean newOwner = body.has("owner") && !java.util.Objects.equals(owner(body.get("owner")), access.owner());
        if (newOwner || body.has("set_permissions")) {
            requireGovern(user, access);
        }
        return new OwnerChange(newOwner, newOwner ? owner(body.get("owner")) : access.owner(),
                read(body.get("set_permissions"), access.grants(), false), access.grants());
    }

    /** Stores an object's new owner and grants (documents keep their owner in the document). */
    void store(ObjectType type, long id, OwnerChange change) {
        if (change.newOwner() && type != ObjectType.DOCUMENT) {
            services.permissions().setOwner(type, id, change.owner());
        }
        if (!change.grants().equals(change.before())) {
            services.permissions().setGrants(type, List.of(id), change.grants());
        }
    }
}
