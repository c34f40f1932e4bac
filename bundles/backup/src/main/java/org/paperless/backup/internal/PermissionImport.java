package org.paperless.backup.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.paperless.api.security.Grants;
import org.paperless.api.security.ObjectType;
import org.paperless.api.security.UserDirectory;
import org.paperless.api.storage.CollectionImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users, groups, owners of objects and grants of an export (ours or paperless-ngx's, the same records): the owners
 * and grants are stored in the import's transaction, mapped to the new ids; the users and groups the realm lacks
 * are made after the commit, without a password (none leaves an instance): they log in once one is set.
 */
final class PermissionImport {

    private static final Logger LOG = LoggerFactory.getLogger(PermissionImport.class);

    private final Map<Long, String> users = new HashMap<>();
    private final Map<Long, JsonNode> userRecords = new LinkedHashMap<>();
    private final Map<Long, String> groups = new LinkedHashMap<>();
    private final Map<Long, ObjectType> contentTypes = new HashMap<>();
    private final Map<Long, String> permissions = new HashMap<>();
    private final List<JsonNode> grants = new ArrayList<>();
    /** Owners of objects: the type, the export's pk of the object, the export's pk of its owner. */
    private final List<long[]> owners = new ArrayList<>();
    private long unresolved;

    /** Takes the records of these models; false for any other. */
    boolean take(String model, JsonNode record) {
        long pk = record.path("pk").asLong();
        JsonNode fields = record.path("fields");
        switch (model) {
            case PermissionRecords.USER -> {
                users.put(pk, fields.path("username").asText());
                userRecords.put(pk, fields);
            }
            case PermissionRecords.GROUP -> groups.put(pk, fields.path("name").asText());
            case PermissionRecords.CONTENT_TYPE -> {
                ObjectType type = "documents".equals(fields.path("app_label").asText())
                        ? PermissionRecords.typeOfModel(fields.path("model").asText()) : null;
                if (type != null) {
                    contentTypes.put(pk, type);
                }
            }
            case PermissionRecords.PERMISSION -> permissions.put(pk, fields.path("codename").asText());
            case PermissionRecords.USER_GRANT, PermissionRecords.GROUP_GRANT -> grants.add(record);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Users by their pk in the export: owners of documents and authors of notes are named by it. */
    Map<Long, String> users() {
        return users;
    }

    /** Notes the owner of an object the import just stored. */
    void owner(ObjectType type, long exportPk, JsonNode owner) {
        if (owner.isIntegralNumber()) {
            owners.add(new long[] {type.ordinal(), exportPk, owner.asLong()});
        }
    }

    /** Stores the owners of the objects and every grant, inside the import's transaction, with the new ids. */
    void store(CollectionImport.Session session, IdMaps ids, Map<Long, Long> documentIds) {
        for (long[] o : owners) {
            ObjectType type = ObjectType.values()[(int) o[0]];
            Long id = newId(type, o[1], ids, documentIds);
            String owner = users.get(o[2]);
            if (id != null && owner != null) {
                session.own(type, id, owner);
            }
        }
        Map<ObjectType, Map<Long, Grants.Builder>> byObject = new TreeMap<>();
        for (JsonNode record : grants) {
            JsonNode f = record.path("fields");
            ObjectType type = contentTypes.get(f.path("content_type").asLong());
            String codename = permissions.getOrDefault(f.path("permission").asLong(), "");
            boolean view = codename.startsWith("view_");
            boolean change = codename.startsWith("change_");
            if (type == null || !(view || change)) {
                continue; // add_ and delete_ grants, and grants on models this version does not have
            }
            Long id = f.path("object_pk").asText().matches("\\d{1,18}")
                    ? newId(type, Long.parseLong(f.path("object_pk").asText()), ids, documentIds) : null;
            boolean group = PermissionRecords.GROUP_GRANT.equals(record.path("model").asText());
            String name = group ? groups.get(f.path("group").asLong()) : users.get(f.path("user").asLong());
            if (id == null || name == null) {
                unresolved++;
                continue;
            }
            byObject.computeIfAbsent(type, t -> new TreeMap<>()).computeIfAbsent(id, k -> new Grants.Builder())
                    .add(change, group, name);
        }
        byObject.forEach((type, objects) -> objects.forEach((id, set) -> session.grant(type, id, set.build())));
        if (unresolved > 0) {
            LOG.warn("{} grants name a document, object, user or group the export lacks: left out", unresolved);
        }
    }

    private static Long newId(ObjectType type, long pk, IdMaps ids, Map<Long, Long> documentIds) {
        return switch (type) {
            case DOCUMENT -> documentIds.get(pk);
            case TAG -> ids.tags().get(pk);
            case CORRESPONDENT -> ids.correspondents().get(pk);
            case DOCUMENT_TYPE -> ids.types().get(pk);
            case STORAGE_PATH -> ids.paths().get(pk);
            case SAVED_VIEW -> ids.savedViews().get(pk);
        };
    }

    /** The users and groups made in the realm, and those it had already. */
    record Accounts(int usersMade, int groupsMade, int usersKept) {
    }

    /**
     * Makes the groups and users the realm lacks (admins as the export says, in their groups); users it has already
     * are left as they are. Inactive users of paperless-ngx are not made.
     */
    Accounts makeAccounts(UserDirectory directory) {
        Set<String> knownGroups = new HashSet<>();
        directory.groups().forEach(g -> knownGroups.add(g.name()));
        int groupsMade = 0;
        for (String group : groups.values()) {
            if (knownGroups.add(group)) {
                try {
                    directory.createGroup(group);
                    groupsMade++;
                } catch (IllegalArgumentException e) {
                    LOG.warn("Group '{}' was not made: {}", group, e.getMessage());
                }
            }
        }
        int made = 0;
        int kept = 0;
        for (Map.Entry<Long, JsonNode> e : userRecords.entrySet()) {
            JsonNode f = e.getValue();
            String name = users.get(e.getKey());
            if (directory.user(name).isPresent()) {
                kept++;
                continue;
            }
            if (!f.path("is_active").asBoolean(true)) {
                continue;
            }
            Set<String> memberOf = new HashSet<>();
            f.path("groups").forEach(g -> {
                String group = groups.get(g.asLong());
                if (group != null) {
                    memberOf.add(group);
                }
            });
            try {
                directory.createUser(name, null, f.path("is_superuser").asBoolean(false), memberOf);
                made++;
            } catch (IllegalArgumentException refused) {
                LOG.warn("User '{}' was not made: {}", name, refused.getMessage());
            }
        }
        return new Accounts(made, groupsMade, kept);
    }

    int userCount() {
        return userRecords.size();
    }

    int groupCount() {
        return groups.size();
    }

    int grantCount() {
        return grants.size();
    }
}
