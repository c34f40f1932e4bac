package org.paperless.backup.internal;

import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.paperless.api.security.Grants;
import org.paperless.api.security.ObjectType;
import org.paperless.api.security.UserDirectory;

/**
 * Users, groups and grants in paperless-ngx's manifest shape, references as pks: {@code auth.user}, {@code
 * auth.group}, the {@code contenttypes.contenttype} and {@code auth.permission} records the grants point at, and
 * django-guardian's {@code guardian.userobjectpermission} and {@code guardian.groupobjectpermission}. Users and
 * groups are numbered as the REST API numbers them; a user gets no password hash (none leaves the instance).
 */
final class PermissionRecords {

    static final String USER = "auth.user";
    static final String GROUP = "auth.group";
    static final String CONTENT_TYPE = "contenttypes.contenttype";
    static final String PERMISSION = "auth.permission";
    static final String USER_GRANT = "guardian.userobjectpermission";
    static final String GROUP_GRANT = "guardian.groupobjectpermission";
    static final String VIEW = "view";
    static final String CHANGE = "change";

    private final ObjectMapper mapper;
    private long grants;

    PermissionRecords(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** paperless-ngx's model name (the content type's {@code model}) of a type. */
    static String model(ObjectType type) {
        return type.key().replace("_", "");
    }

    static ObjectType typeOfModel(String model) {
        for (ObjectType type : ObjectType.values()) {
            if (model(type).equals(model)) {
                return type;
            }
        }
        return null;
    }

    static long contentTypePk(ObjectType type) {
        return type.ordinal() + 1L;
    }

    static long permissionPk(ObjectType type, String action) {
        return type.ordinal() * 2L + (VIEW.equals(action) ? 1 : 2);
    }

    ObjectNode contentType(ObjectType type) {
        ObjectNode fields = mapper.createObjectNode();
        fields.put("app_label", "documents");
        fields.put("model", model(type));
        return record(CONTENT_TYPE, contentTypePk(type), fields);
    }

    ObjectNode permission(ObjectType type, String action) {
        ObjectNode fields = mapper.createObjectNode();
        fields.put("name", "Can " + action + " " + type.key().replace('_', ' '));
        fields.put("content_type", contentTypePk(type));
        fields.put("codename", action + "_" + model(type));
        return record(PERMISSION, permissionPk(type, action), fields);
    }

    ObjectNode group(UserDirectory.Group g) {
        ObjectNode fields = mapper.createObjectNode();
        fields.put("name", g.name());
        fields.putArray("permissions");
        return record(GROUP, UserDirectory.numberOf(g.name()), fields);
    }

    /**
     * A user as the directory knows them; {@code account} null for an owner the directory no longer has. The realm
     * does not keep when a user joined: paperless-ngx's required {@code date_joined} is the same fixed moment for
     * every user, so that exporting twice writes the same record.
     */
    ObjectNode user(String name, UserDirectory.Account account) {
        boolean admin = account != null && account.admin();
        ObjectNode fields = mapper.createObjectNode();
        fields.put("password", "");
        fields.putNull("last_login");
        fields.put("is_superuser", admin);
        fields.put("username", name);
        fields.put("first_name", "");
        fields.put("last_name", "");
        fields.put("email", "");
        fields.put("is_staff", admin);
        fields.put("is_active", account != null);
        fields.put("date_joined", Instant.EPOCH.toString());
        ArrayNode groups = fields.putArray("groups");
        if (account != null) {
            new TreeSet<>(account.groups()).forEach(g -> groups.add(UserDirectory.numberOf(g)));
        }
        fields.putArray("user_permissions");
        return record(USER, UserDirectory.numberOf(name), fields);
    }

    /** The grant records of one document or object, each user's and group's. */
    void grants(ObjectType type, long id, Grants g, java.util.function.Consumer<ObjectNode> out) {
        for (Map.Entry<String, java.util.Set<String>> e : Map.of(VIEW, g.viewUsers(), CHANGE, g.changeUsers()).entrySet()) {
            new TreeSet<>(e.getValue()).forEach(user -> out.accept(grant(USER_GRANT, "user", user, type, id, e.getKey())));
        }
        for (Map.Entry<String, java.util.Set<String>> e : Map.of(VIEW, g.viewGroups(), CHANGE, g.changeGroups()).entrySet()) {
            new TreeSet<>(e.getValue()).forEach(group -> out.accept(grant(GROUP_GRANT, "group", group, type, id, e.getKey())));
        }
    }

    private ObjectNode grant(String model, String field, String name, ObjectType type, long id, String action) {
        ObjectNode fields = mapper.createObjectNode();
        fields.put("object_pk", Long.toString(id));
        fields.put("content_type", contentTypePk(type));
        fields.put(field, UserDirectory.numberOf(name));
        fields.put("permission", permissionPk(type, action));
        return record(model, ++grants, fields);
    }

    private ObjectNode record(String model, long pk, ObjectNode fields) {
        ObjectNode record = mapper.createObjectNode();
        record.put("model", model);
        record.put("pk", pk);
        record.set("fields", fields);
        return record;
    }
}
