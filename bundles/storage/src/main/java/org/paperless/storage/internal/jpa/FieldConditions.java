package org.paperless.storage.internal.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.paperless.api.storage.DocumentQuery;
import org.paperless.api.storage.FieldCondition;

/**
 * Custom field queries checked in Java on the ids the statement found, with the values of the fields they name
 * read once each: the values are text of many types (amounts with a currency, dates, id lists), which SQL on
 * Derby and PostgreSQL alike could only compare through casts that fail on the rows of other fields.
 */
final class FieldConditions {

    /** The values of one field: document id to value (null: on the document without a value). */
    private final Map<Long, Map<Long, String>> values = new HashMap<>();

    private FieldConditions() {
    }

    /** The ids, in their order, of the documents that meet every custom field query of the query. */
    static long[] filter(Connection c, DocumentQuery query, long[] ids) throws SQLException {
        List<FieldCondition> conditions = query.criteria().stream()
                .filter(DocumentQuery.CustomFieldQuery.class::isInstance)
                .map(q -> ((DocumentQuery.CustomFieldQuery) q).condition()).toList();
        if (conditions.isEmpty()) {
            return ids;
        }
        FieldConditions read = new FieldConditions();
        for (FieldCondition condition : conditions) {
            read.load(c, condition);
        }
        return Arrays.stream(ids).filter(id -> conditions.stream().allMatch(x -> read.holds(x, id))).toArray();
    }

    private void load(Connection c, FieldCondition condition) throws SQLException {
        if (condition instanceof FieldCondition.All all) {
            for (FieldCondition part : all.parts()) {
                load(c, part);
            }
        } else if (condition instanceof FieldCondition.Any any) {
            for (FieldCondition part : any.parts()) {
                load(c, part);
            }
        } else if (condition instanceof FieldCondition.Not not) {
            load(c, not.part());
        } else if (condition instanceof FieldCondition.Atom atom && !values.containsKey(atom.fieldId())) {
            Map<Long, String> field = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT document_id, value_text FROM custom_field_instance WHERE field_id = ?")) {
                s.setLong(1, atom.fieldId());
                s.setFetchSize(1000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        field.put(r.getLong(1), r.getString(2));
                    }
                }
            }
            values.put(atom.fieldId(), field);
        }
    }

    private boolean holds(FieldCondition condition, long id) {
        if (condition instanceof FieldCondition.All all) {
            return all.parts().stream().allMatch(p -> holds(p, id));
        } else if (condition instanceof FieldCondition.Any any) {
            return any.parts().stream().anyMatch(p -> holds(p, id));
        } else if (condition instanceof FieldCondition.Not not) {
            return !holds(not.part(), id);
        }
        FieldCondition.Atom atom = (FieldCondition.Atom) condition;
        Map<Long, String> field = values.get(atom.fieldId());
        return atom.matches(field.containsKey(id), field.get(id));
    }
}
