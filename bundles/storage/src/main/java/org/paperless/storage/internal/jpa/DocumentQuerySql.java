package org.paperless.storage.internal.jpa;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.paperless.api.storage.DocumentQuery.Contains;
import org.paperless.api.storage.DocumentQuery.Criterion;
import org.paperless.api.storage.DocumentQuery.DateRange;
import org.paperless.api.storage.DocumentQuery.EqualsIgnoreCase;
import org.paperless.api.storage.DocumentQuery.IdIn;
import org.paperless.api.storage.DocumentQuery.Order;
import org.paperless.api.storage.DocumentQuery.ReferenceIn;
import org.paperless.api.storage.DocumentQuery.ReferenceIsNull;
import org.paperless.api.storage.DocumentQuery.SerialNumber;
import org.paperless.api.storage.DocumentQuery.SerialNumberIsNull;
import org.paperless.api.storage.DocumentQuery.SerialNumberRange;
import org.paperless.api.storage.DocumentQuery.Tagged;
import org.paperless.api.storage.DocumentQuery.TagsAll;
import org.paperless.api.storage.DocumentQuery.TagsAny;
import org.paperless.api.storage.DocumentQuery.TagsNone;
import org.paperless.api.storage.DocumentQuery;

/**
 * A {@link DocumentQuery} as SQL that Derby and PostgreSQL both run: every value a parameter, every column
 * and order from a fixed list, so nothing a client sends becomes part of the statement.
 */
final class DocumentQuerySql {

    private final StringBuilder where = new StringBuilder("d.deleted_at IS NULL");
    private final List<Object> parameters = new ArrayList<>();
    private final String joins;
    private final String orderBy;

    DocumentQuerySql(DocumentQuery query) {
        query.criteria().forEach(this::add);
        StringBuilder join = new StringBuilder();
        StringBuilder order = new StringBuilder();
        for (Order o : query.ordering()) {
            order.append(column(o, join)).append(o.descending() ? " DESC" : " ASC").append(", ");
        }
        boolean idDescending = !query.ordering().isEmpty() && query.ordering().get(0).descending();
        order.append("d.id").append(idDescending ? " DESC" : " ASC");
        this.joins = join.toString();
        this.orderBy = order.toString();
    }

    /** The ids of every document that meets the query, in the query's order (one ordered pass). */
    long[] ids(Connection c) throws SQLException {
        String sql = "SELECT d.id FROM document d" + joins + " WHERE " + where + " ORDER BY " + orderBy;
        long[] ids = new long[1024];
        int n = 0;
        try (PreparedStatement s = prepare(c, sql)) {
            s.setFetchSize(1000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (n == ids.length) {
                        ids = java.util.Arrays.copyOf(ids, n * 2);
                    }
                    ids[n++] = r.getLong(1);
                }
            }
        }
        return java.util.Arrays.copyOf(ids, n);
    }

    private PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        int i = 1;
        for (Object p : parameters) {
            s.setObject(i++, p);
        }
        return s;
    }

    private void add(Criterion criterion) {
        // if/else: Java 17 has no pattern matching in switch.
        if (criterion instanceof IdIn c) {
            in("d.id", c.ids());
        } else if (criterion instanceof Contains c) {
            text(c.field(), "LIKE ? ESCAPE '\\'", "%" + escapeLike(c.text()) + "%");
        } else if (criterion instanceof EqualsIgnoreCase c) {
            text(c.field(), "= ?", c.text());
        } else if (criterion instanceof ReferenceIn c) {
            in(column(c.reference()), c.ids());
        } else if (criterion instanceof DocumentQuery.ReferenceNotIn c) {
            if (!c.ids().isEmpty()) {
                String column = column(c.reference());
                and("(" + column + " IS NULL OR " + column + " NOT IN (" + marks(c.ids().size()) + "))");
                parameters.addAll(c.ids());
            }
        } else if (criterion instanceof ReferenceIsNull c) {
            and(column(c.reference()) + (c.isNull() ? " IS NULL" : " IS NOT NULL"));
        } else if (criterion instanceof TagsAll c) {
            for (Long id : c.ids()) {
                and("EXISTS (SELECT 1 FROM document_tag t WHERE t.document_id = d.id AND t.tag_id = ?)");
                parameters.add(id);
            }
        } else if (criterion instanceof TagsAny c) {
            tags("EXISTS", c.ids());
        } else if (criterion instanceof TagsNone c) {
            tags("NOT EXISTS", c.ids());
        } else if (criterion instanceof Tagged c) {
            and((c.tagged() ? "" : "NOT ") + "EXISTS (SELECT 1 FROM document_tag t WHERE t.document_id = d.id)");
        } else if (criterion instanceof DocumentQuery.CustomFieldsAll c) {
            for (Long id : c.ids()) {
                and("EXISTS (SELECT 1 FROM custom_field_instance f WHERE f.document_id = d.id AND f.field_id = ?)");
                parameters.add(id);
            }
        } else if (criterion instanceof DocumentQuery.CustomFieldsAny c) {
            fields("EXISTS", c.ids());
        } else if (criterion instanceof DocumentQuery.CustomFieldsNone c) {
            fields("NOT EXISTS", c.ids());
        } else if (criterion instanceof DocumentQuery.HasCustomFields c) {
            and((c.has() ? "" : "NOT ") + "EXISTS (SELECT 1 FROM custom_field_instance f WHERE f.document_id = d.id)");
        } else if (criterion instanceof DocumentQuery.CustomFieldQuery) {
            // Checked value by value on the statement's answer (FieldConditions): no SQL of its own.
        } else if (criterion instanceof DateRange c) {
            dates(c);
        } else if (criterion instanceof DocumentQuery.VisibleTo c) {
            visible(c);
        } else if (criterion instanceof DocumentQuery.OwnerIn c) {
            owners(c);
        } else if (criterion instanceof DocumentQuery.OwnerIsNull c) {
            and("d.owner IS " + (c.isNull() ? "NULL" : "NOT NULL"));
        } else if (criterion instanceof SerialNumber c) {
            and("d.archive_serial_number = ?");
            parameters.add(c.asn());
        } else if (criterion instanceof SerialNumberIsNull c) {
            and("d.archive_serial_number IS " + (c.isNull() ? "NULL" : "NOT NULL"));
        } else if (criterion instanceof SerialNumberRange c) {
            if (c.above() != null) {
                and("d.archive_serial_number > ?");
                parameters.add(c.above());
            }
            if (c.below() != null) {
                and("d.archive_serial_number < ?");
                parameters.add(c.below());
            }
        } else {
            throw new IllegalArgumentException("Unknown criterion " + criterion);
        }
    }

    private void and(String condition) {
        where.append(" AND ").append(condition);
    }

    private void in(String column, Set<Long> ids) {
        if (ids.isEmpty()) {
            and("1 = 0");
            return;
        }
        and(column + " IN (" + marks(ids.size()) + ")");
        parameters.addAll(ids);
    }

    private void tags(String exists, Set<Long> ids) {
        if (ids.isEmpty()) {
            and(exists.startsWith("NOT") ? "1 = 1" : "1 = 0");
            return;
        }
        and(exists + " (SELECT 1 FROM document_tag t WHERE t.document_id = d.id AND t.tag_id IN (" + marks(ids.size()) + "))");
        parameters.addAll(ids);
    }

    private void fields(String exists, Set<Long> ids) {
        if (ids.isEmpty()) {
            and(exists.startsWith("NOT") ? "1 = 1" : "1 = 0");
            return;
        }
        and(exists + " (SELECT 1 FROM custom_field_instance f WHERE f.document_id = d.id AND f.field_id IN ("
                + marks(ids.size()) + "))");
        parameters.addAll(ids);
    }

    private void text(DocumentQuery.TextField field, String comparison, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        switch (field) {
            case TITLE -> and("LOWER(d.title) " + comparison);
            case CONTENT -> and("LOWER(d.content) " + comparison);
            case ORIGINAL_FILENAME -> and("LOWER(d.original_filename) " + comparison);
            case TITLE_OR_CONTENT -> {
                and("(LOWER(d.title) " + comparison + " OR LOWER(d.content) " + comparison + ")");
                parameters.add(lower);
            }
        }
        parameters.add(lower);
    }

    private void dates(DateRange range) {
        String column = switch (range.field()) {
            case CREATED -> "d.created";
            case ADDED -> "d.added";
            case MODIFIED -> "d.modified";
        };
        boolean day = range.field() == DocumentQuery.DateField.CREATED;
        if (range.after() != null) {
            // After a day: from the start of the next one.
            and(column + " >= ?");
            parameters.add(bound(range.after().plusDays(1), day));
        }
        if (range.before() != null) {
            and(column + " < ?");
            parameters.add(bound(range.before(), day));
        }
    }

    /** A day as the column's type: a date, or the timestamp of its start in UTC (added and modified are UTC). */
    private static Object bound(LocalDate date, boolean day) {
        return day ? Date.valueOf(date) : Timestamp.valueOf(date.atStartOfDay());
    }

    private static String column(DocumentQuery.Reference reference) {
        return switch (reference) {
            case CORRESPONDENT -> "d.correspondent_id";
            case DOCUMENT_TYPE -> "d.document_type_id";
            case STORAGE_PATH -> "d.storage_path_id";
        };
    }

    private static String column(Order order, StringBuilder joins) {
        return switch (order.field()) {
            case ID -> "d.id";
            case TITLE -> "LOWER(d.title)";
            case CREATED -> "d.created";
            case ADDED -> "d.added";
            case MODIFIED -> "d.modified";
            case ARCHIVE_SERIAL_NUMBER -> "d.archive_serial_number";
            case PAGE_COUNT -> "d.page_count";
            case MIME_TYPE -> "d.mime_type";
            case ORIGINAL_FILENAME -> "LOWER(d.original_filename)";
            case CORRESPONDENT_NAME -> joined(joins, "correspondent", "oc", "d.correspondent_id");
            case DOCUMENT_TYPE_NAME -> joined(joins, "document_type", "ot", "d.document_type_id");
            case STORAGE_PATH_NAME -> joined(joins, "storage_path", "op", "d.storage_path_id");
        };
    }

    private static String joined(StringBuilder joins, String table, String alias, String key) {
        if (joins.indexOf(" " + alias + " ") < 0) {
            joins.append(" LEFT JOIN ").append(table).append(' ').append(alias).append(" ON ").append(alias)
                    .append(".id = ").append(key);
        }
        return "LOWER(" + alias + ".name)";
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** The text with LIKE's wildcards and the escape character taken literally. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Unowned, owned by the user, or shared with the user or one of the groups (a change grant shows it too). */
    private void visible(DocumentQuery.VisibleTo c) {
        StringBuilder grant = new StringBuilder("(p.principal_type = 'user' AND p.principal = ?)");
        parameters.add(c.user());
        parameters.add(c.user());
        if (!c.groups().isEmpty()) {
            grant.append(" OR (p.principal_type = 'group' AND p.principal IN (")
                    .append(String.join(", ", java.util.Collections.nCopies(c.groups().size(), "?"))).append("))");
            parameters.addAll(c.groups().stream().sorted().toList());
        }
        and("(d.owner IS NULL OR d.owner = ? OR EXISTS (SELECT 1 FROM object_permission p WHERE p.object_type = 'document'"
                + " AND p.object_id = d.id AND (" + grant + ")))");
    }

    /** Owned by one of the users; negated: by none of them, or by nobody (as paperless-ngx's owner__id__none). */
    private void owners(DocumentQuery.OwnerIn c) {
        if (c.users().isEmpty()) {
            and(c.negate() ? "1 = 1" : "1 = 0");
            return;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(c.users().size(), "?"));
        and(c.negate() ? "(d.owner IS NULL OR d.owner NOT IN (" + marks + "))" : "d.owner IN (" + marks + ")");
        parameters.addAll(c.users().stream().sorted().toList());
    }
}
