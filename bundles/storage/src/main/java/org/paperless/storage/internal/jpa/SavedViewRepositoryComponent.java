package org.paperless.storage.internal.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.paperless.api.NotFoundException;
import org.paperless.api.SavedView;
import org.paperless.api.SavedView.FilterRule;
import org.paperless.api.security.ObjectType;
import org.paperless.api.storage.PermissionRepository;
import org.paperless.api.storage.SavedViewRepository;
import org.paperless.api.storage.SchemaMigrations;
import org.paperless.storage.internal.db.DatabaseComponent;

/** Saved views and their rules in two tables, over plain JDBC (few rows, read and written whole). */
@Component(service = SavedViewRepository.class)
public class SavedViewRepositoryComponent implements SavedViewRepository {

    private static final String COLUMNS = "id, name, sort_field, sort_reverse, page_size, display_mode, display_fields, "
            + "show_on_dashboard, show_in_sidebar";

    private final DataSource dataSource;
    private final PermissionRepository permissions;

    /** @param migrations only referenced so that nothing is read before the schema is current */
    @Activate
    public SavedViewRepositoryComponent(
            @Reference(target = "(" + DatabaseComponent.JNDI_NAME_PROPERTY + "=" + DatabaseComponent.JNDI_NAME + ")")
            DataSource dataSource, @Reference SchemaMigrations migrations, @Reference PermissionRepository permissions) {
        this.dataSource = dataSource;
        this.permissions = permissions;
    }

    @Override
    public List<SavedView> list() {
        return read("SELECT " + COLUMNS + " FROM saved_view ORDER BY name, id", null);
    }

    @Override
    public Optional<SavedView> find(long id) {
        return read("SELECT " + COLUMNS + " FROM saved_view WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public SavedView create(SavedView view) {
        return inTransaction(c -> insert(c, view));
    }

    /** Stores a new view on this connection, inside its caller's transaction (an import's too). */
    static SavedView insert(Connection c, SavedView view) throws SQLException {
        long id;
        // Derby hands back the identity column; PostgreSQL every column, the id first.
        try (PreparedStatement s = c.prepareStatement("INSERT INTO saved_view (name, sort_field, sort_reverse, "
                + "page_size, display_mode, display_fields, show_on_dashboard, show_in_sidebar) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            bind(s, view);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        writeRules(c, id, view.filterRules());
        return view.withId(id);
    }

    @Override
    public SavedView update(SavedView view) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE saved_view SET name = ?, sort_field = ?, sort_reverse = ?, "
                    + "page_size = ?, display_mode = ?, display_fields = ?, show_on_dashboard = ?, show_in_sidebar = ? "
                    + "WHERE id = ?")) {
                bind(s, view);
                s.setLong(9, view.id());
                if (s.executeUpdate() == 0) {
                    throw new NotFoundException("No saved view with id " + view.id());
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM saved_view_rule WHERE view_id = ?")) {
                s.setLong(1, view.id());
                s.executeUpdate();
            }
            writeRules(c, view.id(), view.filterRules());
            return view;
        });
    }

    @Override
    public boolean delete(long id) {
        boolean deleted = inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM saved_view WHERE id = ?")) {
                s.setLong(1, id);
                return s.executeUpdate() > 0;
            }
        });
        if (deleted) {
            permissions.forget(ObjectType.SAVED_VIEW, id);
        }
        return deleted;
    }

    private static void bind(PreparedStatement s, SavedView v) throws SQLException {
        s.setString(1, v.name());
        s.setString(2, v.sortField());
        s.setBoolean(3, v.sortReverse());
        if (v.pageSize() == null) {
            s.setNull(4, Types.INTEGER);
        } else {
            s.setInt(4, v.pageSize());
        }
        s.setString(5, v.displayMode());
        s.setString(6, v.displayFields() == null ? null : String.join(",", v.displayFields()));
        s.setBoolean(7, v.showOnDashboard());
        s.setBoolean(8, v.showInSidebar());
    }

    private static void writeRules(Connection c, long id, List<FilterRule> rules) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO saved_view_rule (view_id, rule_order, rule_type, rule_value) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < rules.size(); i++) {
                s.setLong(1, id);
                s.setInt(2, i);
                s.setInt(3, rules.get(i).ruleType());
                s.setString(4, rules.get(i).value());
                s.addBatch();
            }
            if (!rules.isEmpty()) {
                s.executeBatch();
            }
        }
    }

    private List<SavedView> read(String sql, Long id) {
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            Map<Long, List<FilterRule>> rules = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT view_id, rule_type, rule_value FROM saved_view_rule"
                    + (id == null ? "" : " WHERE view_id = ?") + " ORDER BY view_id, rule_order")) {
                if (id != null) {
                    s.setLong(1, id);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rules.computeIfAbsent(r.getLong(1), k -> new ArrayList<>())
                                .add(new FilterRule(r.getInt(2), r.getString(3)));
                    }
                }
            }
            List<SavedView> views = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (id != null) {
                    s.setLong(1, id);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long viewId = r.getLong(1);
                        Integer pageSize = r.getObject(5) == null ? null : r.getInt(5);
                        String fields = r.getString(7);
                        views.add(new SavedView(viewId, r.getString(2), r.getString(3), r.getBoolean(4), pageSize,
                                r.getString(6), fields == null || fields.isEmpty() ? null : Arrays.asList(fields.split(",")),
                                rules.getOrDefault(viewId, List.of()), r.getBoolean(8), r.getBoolean(9)));
                    }
                }
            }
            return views;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading saved views failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Work<R> {
        R run(Connection c) throws SQLException;
    }

    private <R> R inTransaction(Work<R> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                R result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Changing saved views failed: " + e.getMessage(), e);
        } finally {
            StoreChanges.written();
        }
    }
}
