package org.paperless.rest.internal;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.paperless.api.security.UserDirectory.Account;
import org.paperless.api.security.UserDirectory;

/**
 * {@code /api/users/}: the users of the console's realm, by number. Everyone may list them (to share documents
 * with them); only admins make, change and delete them. Being an admin is paperless-ngx's {@code is_superuser}.
 */
final class UsersResource {

    static final String HIDDEN_PASSWORD = "**********";
    private static final Set<String> FIELDS = Set.of("id", "username", "email", "password", "first_name", "last_name",
            "date_joined", "is_staff", "is_active", "is_superuser", "groups", "user_permissions",
            "inherited_permissions", "is_mfa_enabled");
    /** What the realm does not keep: accepted when empty, as clients send the whole object back. */
    private static final Set<String> NOT_KEPT = Set.of("email", "first_name", "last_name");

    private final Services services;
    private final ApiServlet servlet;
    private final String baseUrl;

    UsersResource(Services services, ApiServlet servlet, String baseUrl) {
        this.services = services;
        this.servlet = servlet;
        this.baseUrl = baseUrl;
    }

    void routes(List<Route> routes) {
        routes.add(Route.of("GET", "/users/", this::list));
        routes.add(Route.of("POST", "/users/", this::create));
        routes.add(Route.of("GET", "/users/{id}/", r -> Reply.ok(json(find(r.id())))));
        routes.add(Route.of("PATCH", "/users/{id}/", r -> update(r, false)));
        routes.add(Route.of("PUT", "/users/{id}/", r -> update(r, true)));
        routes.add(Route.of("DELETE", "/users/{id}/", this::delete));
    }

    private UserDirectory directory() {
        return services.directory();
    }

    private Account find(long id) {
        return directory().users().stream().filter(a -> Users.id(a.name()) == id).findFirst()
                .orElseThrow(() -> ApiException.detail(404, "No User matches the given query."));
    }

    private Reply list(ApiRequest r) {
        Paging paging = Paging.of(r);
        String contains = r.param("username__icontains").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        List<Account> all = directory().users().stream()
                .filter(a -> contains == null || a.name().toLowerCase(Locale.ROOT).contains(contains)).toList();
        paging.check(all.size());
        List<Account> page = all.subList(Math.min(paging.offset(), all.size()),
                Math.min(paging.offset() + paging.size(), all.size()));
        return Reply.ok(paging.answer(r, baseUrl, all.size(), all.stream().map(a -> Users.id(a.name())).toList(),
                page.stream().map(UsersResource::json).toList()));
    }

    private Reply create(ApiRequest r) throws IOException {
        requireAdmin(r);
        ObjectNode body = r.json();
        check(body);
        String name = text(body, "username", true);
        String password = password(body);
        try {
            Account made = directory().createUser(name, password, admin(body, false), groups(body, Set.of()));
            return Reply.created(json(made));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("username", e.getMessage());
        }
    }

    private Reply update(ApiRequest r, boolean whole) throws IOException {
        requireAdmin(r);
        Account account = find(r.id());
        ObjectNode body = r.json();
        check(body);
        if (whole && !body.has("username")) {
            throw ApiException.invalid("username", "This field is required.");
        }
        if (body.has("username") && !text(body, "username", true).equals(account.name())) {
            throw ApiException.invalid("username", "Renaming a user is not supported: make a new user and delete this one.");
        }
        Boolean admin = body.has("is_superuser") || body.has("is_staff") ? admin(body, account.admin()) : null;
        if (Boolean.FALSE.equals(admin) && account.name().equals(r.user().name())) {
            throw ApiException.invalid("is_superuser", "You cannot take the admin role from yourself.");
        }
        Set<String> groups = body.has("groups") ? groups(body, null) : null;
        String password = password(body);
        try {
            Account changed = directory().changeUser(account.name(), password, admin, groups);
            if (password != null) {
                servlet.browsers().logOut(account.name()); // as Django: a new password ends the user's sessions
            }
            return Reply.ok(json(changed));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("non_field_errors", e.getMessage());
        }
    }

    /** Their documents and objects become unowned, as paperless-ngx; their grants and API token go. */
    private Reply delete(ApiRequest r) {
        requireAdmin(r);
        Account account = find(r.id());
        if (account.name().equals(r.user().name())) {
            throw ApiException.detail(400, "You cannot delete yourself.");
        }
        directory().deleteUser(account.name());
        servlet.browsers().logOut(account.name());
        services.permissions().forgetPrincipal(false, account.name());
        return Reply.noContent();
    }

    static Map<String, Object> json(Account a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Users.id(a.name()));
        json.put("username", a.name());
        json.put("email", "");
        json.put("password", HIDDEN_PASSWORD);
        json.put("first_name", "");
        json.put("last_name", "");
        json.put("date_joined", null);
        json.put("is_staff", a.admin());
        json.put("is_active", true);
        json.put("is_superuser", a.admin());
        json.put("groups", a.groups().stream().map(Users::groupId).sorted().toList());
        json.put("user_permissions", List.of());
        json.put("inherited_permissions", List.of());
        json.put("is_mfa_enabled", false);
        return json;
    }

    static void requireAdmin(ApiRequest r) {
        if (!r.user().admin()) {
            throw ApiException.detail(403, Permissions.FORBIDDEN);
        }
    }

    private static void check(ObjectNode body) {
        for (var names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.invalid(name, "Unknown field.");
            }
            if (NOT_KEPT.contains(name) && !body.get(name).asText("").isEmpty()) {
                throw ApiException.invalid(name, "Not kept by this server: users have a name, a password, groups "
                        + "and the admin role only.");
            }
        }
        if (body.has("is_active") && !body.get("is_active").asBoolean(true)) {
            throw ApiException.invalid("is_active", "Inactive users are not supported: delete the user instead.");
        }
    }

    private static String text(ObjectNode body, String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw ApiException.invalid(field, "This field is required.");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.invalid(field, "Not a valid string.");
        }
        return value.asText();
    }

    /** The new password; the placeholder the list shows, sent back unchanged, changes nothing. */
    private static String password(ObjectNode body) {
        String password = text(body, "password", false);
        if (password == null || password.equals(HIDDEN_PASSWORD)) {
            return null;
        }
        if (password.isEmpty()) {
            throw ApiException.invalid("password", "This field may not be blank.");
        }
        return password;
    }

    private static boolean admin(ObjectNode body, boolean current) {
        JsonNode superuser = body.has("is_superuser") ? body.get("is_superuser") : body.get("is_staff");
        if (superuser == null || superuser.isNull()) {
            return current;
        }
        if (!superuser.isBoolean()) {
            throw ApiException.invalid("is_superuser", "Must be a valid boolean.");
        }
        return superuser.asBoolean();
    }

    private Set<String> groups(ObjectNode body, Set<String> absent) {
        JsonNode ids = body.get("groups");
        if (ids == null || ids.isNull()) {
            return absent;
        }
        if (!ids.isArray()) {
            throw ApiException.invalid("groups", "Expected a list of items but got type \""
                    + ids.getNodeType().name().toLowerCase(Locale.ROOT) + "\".");
        }
        Map<Long, String> known = new java.util.HashMap<>();
        directory().groups().forEach(g -> known.put(Users.groupId(g.name()), g.name()));
        Set<String> names = new HashSet<>();
        for (JsonNode id : ids) {
            String name = id.isIntegralNumber() ? known.get(id.asLong()) : null;
            if (name == null) {
                throw ApiException.invalid("groups", "Invalid pk \"" + id.asText() + "\" - object does not exist.");
            }
            names.add(name);
        }
        return names;
    }
}
