package org.paperless.storage.internal.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.paperless.api.security.Access;
import org.paperless.api.security.Grants;
import org.paperless.api.security.ObjectType;
import org.paperless.api.storage.PermissionRepository;
import org.paperless.api.storage.SchemaMigrations;
import org.paperless.storage.internal.db.DatabaseComponent;

/**
 * Owners and grants in their own two tables (object_owner, object_permission), over plain JDBC: they are read for
 * whole pages of documents at once, and kept out of the entities so that the code runs on the schema before.
 */
@Component(service = PermissionRepository.class)
public class PermissionRepositoryComponent implements PermissionRepository {

    /** Ids per IN list: well below what Derby and PostgreSQL accept in one statement. */
    private static final int BATCH = 500;
    private static final String VIEW = "view";
    private static final String CHANGE = "change";
    private static final String USER = "user";
    private static final String GROUP = "group";

    private final DataSource dataSource;
    private final KeptAnswers<Long, Access> documentAccess = new KeptAnswers<>(1_600_000, a -> 0);

    /** @param migrations only referenced so that nothing is read before the schema is current */
    @Activate
    public PermissionRepositoryComponent(
            @Reference(target = "(" + DatabaseComponent.JNDI_NAME_PROPERTY + "=" + DatabaseComponent.JNDI_NAME + ")")
            DataSource dataSource, @Reference SchemaMigrations migrations) {
        this.dataSource = dataSource;
    }

    @Override
    public Map<Long, Access> access(ObjectType type, Collection<Long> ids) {
        if (type != ObjectType.DOCUMENT) {
            return read(type, ids);
        }
        // Documents' access is asked for page after page: kept until the next write, none kept as PUBLIC.
        Map<Long, Access> access = new HashMap<>(documentAccess.getAll(ids, missing -> {
            Map<Long, Access> read = new HashMap<>(read(type, missing));
            missing.forEach(id -> read.putIfAbsent(id, Access.PUBLIC));
            return read;
        }));
        access.values().removeIf(a -> a == Access.PUBLIC);
        return access;
    }

    private Map<Long, Access> read(ObjectType type, Collection<Long> ids) {
        Map<Long, String> owners = new HashMap<>();
        Map<Long, Grants.Builder> grants = new HashMap<>();
        List<Long> all = new ArrayList<>(new HashSet<>(ids));
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            for (int from = 0; from < all.size(); from += BATCH) {
                List<Long> batch = all.subList(from, Math.min(all.size(), from + BATCH));
                String in = String.join(", ", Collections.nCopies(batch.size(), "?"));
                String ownerSql = type == ObjectType.DOCUMENT
                        ? "SELECT id, owner FROM document WHERE owner IS NOT NULL AND id IN (" + in + ")"
                        : "SELECT object_id, owner FROM object_owner WHERE object_type = ? AND object_id IN (" + in + ")";
                readOwners(c, ownerSql, type == ObjectType.DOCUMENT ? null : type, batch, owners);
                readGrants(c, "SELECT object_id, permission, principal_type, principal FROM object_permission"
                        + " WHERE object_type = ? AND object_id IN (" + in + ")", type, batch, grants);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading permissions failed: " + e.getMessage(), e);
        }
        return combine(owners, grants);
    }

    @Override
    public Map<Long, Access> accessAll(ObjectType type) {
        if (type == ObjectType.DOCUMENT) {
            throw new IllegalArgumentException("the access of documents is read page by page");
        }
        Map<Long, String> owners = new HashMap<>();
        Map<Long, Grants.Builder> grants = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            readOwners(c, "SELECT object_id, owner FROM object_owner WHERE object_type = ?", type, List.of(), owners);
            readGrants(c, "SELECT object_id, permission, principal_type, principal FROM object_permission"
                    + " WHERE object_type = ?", type, List.of(), grants);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading permissions failed: " + e.getMessage(), e);
        }
        return combine(owners, grants);
    }

    @Override
    public Map<Long, Grants> grants(ObjectType type) {
        Map<Long, Grants.Builder> grants = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            readGrants(c, "SELECT object_id, permission, principal_type, principal FROM object_permission"
                    + " WHERE object_type = ?", type, List.of(), grants);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading permissions failed: " + e.getMessage(), e);
        }
        Map<Long, Grants> built = new HashMap<>();
        grants.forEach((id, g) -> built.put(id, g.build()));
        return built;
    }

    /** The rows of one grant set, for an import that writes them in its own transaction. */
    static List<Object[]> rows(ObjectType type, long id, Grants grants) {
        List<Object[]> rows = new ArrayList<>();
        grants.viewUsers().forEach(n -> rows.add(new Object[] {type.key(), id, VIEW, USER, n}));
        grants.viewGroups().forEach(n -> rows.add(new Object[] {type.key(), id, VIEW, GROUP, n}));
        grants.changeUsers().forEach(n -> rows.add(new Object[] {type.key(), id, CHANGE, USER, n}));
        grants.changeGroups().forEach(n -> rows.add(new Object[] {type.key(), id, CHANGE, GROUP, n}));
        return rows;
    }

    static final String INSERT_GRANT = "INSERT INTO object_permission (object_type, object_id, permission, principal_type,"
            + " principal) VALUES (?, ?, ?, ?, ?)";
    static final String INSERT_OWNER = "INSERT INTO object_owner (object_type, object_id, owner) VALUES (?, ?, ?)";

    @Override
    public void setOwner(ObjectType type, long id, String owner) {
        if (type == ObjectType.DOCUMENT) {
            throw new IllegalArgumentException("a document's owner is changed with the document");
        }
        inTransaction(c -> {
            update(c, "DELETE FROM object_owner WHERE object_type = ? AND object_id = ?", type.key(), id);
            if (owner != null) {
                update(c, INSERT_OWNER, type.key(), id, owner);
            }
        });
    }

    @Override
    public void setGrants(ObjectType type, Collection<Long> ids, Grants grants) {
        inTransaction(c -> {
            for (long id : new HashSet<>(ids)) {
                update(c, "DELETE FROM object_permission WHERE object_type = ? AND object_id = ?", type.key(), id);
                for (Object[] row : rows(type, id, grants)) {
                    update(c, INSERT_GRANT, row);
                }
            }
        });
    }

    @Override
    public void forget(ObjectType type, long id) {
        inTransaction(c -> {
            update(c, "DELETE FROM object_permission WHERE object_type = ? AND object_id = ?", type.key(), id);
            update(c, "DELETE FROM object_owner WHERE object_type = ? AND object_id = ?", type.key(), id);
        });
    }

    @Override
    public void forgetPrincipal(boolean group, String name) {
        inTransaction(c -> {
            update(c, "DELETE FROM object_permission WHERE principal_type = ? AND principal = ?", group ? GROUP : USER, name);
            if (!group) {
                update(c, "DELETE FROM object_owner WHERE owner = ?", name);
                update(c, "UPDATE document SET owner = NULL WHERE owner = ?", name);
            }
        });
    }

    private static void readOwners(Connection c, String sql, ObjectType type, List<Long> ids, Map<Long, String> into)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (type != null) {
                s.setString(i++, type.key());
            }
            for (Long id : ids) {
                s.setLong(i++, id);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    into.put(r.getLong(1), r.getString(2));
                }
            }
        }
    }

    private static void readGrants(Connection c, String sql, ObjectType type, List<Long> ids, Map<Long, Grants.Builder> into)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, type.key());
            for (Long id : ids) {
                s.setLong(i++, id);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    into.computeIfAbsent(r.getLong(1), k -> new Grants.Builder())
                            .add(CHANGE.equals(r.getString(2)), GROUP.equals(r.getString(3)), r.getString(4));
                }
            }
        }
    }

    private static Map<Long, Access> combine(Map<Long, String> owners, Map<Long, Grants.Builder> grants) {
        Map<Long, Access> access = new HashMap<>();
        Set<Long> ids = new HashSet<>(owners.keySet());
        ids.addAll(grants.keySet());
        for (Long id : ids) {
            Grants.Builder g = grants.get(id);
            access.put(id, new Access(owners.get(id), g == null ? Grants.NONE : g.build()));
        }
        return access;
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(Work work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Changing permissions failed: " + e.getMessage(), e);
        } finally {
            StoreChanges.written();
        }
    }
}
