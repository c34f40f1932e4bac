package org.paperless.rest.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import org.paperless.api.CustomField;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.CustomFieldValues;

/**
 * Custom field values between paperless-ngx's JSON and the canonical text documents keep: numbers, booleans and
 * lists of document ids as JSON values, a select value as its option's id, the rest as strings.
 *
 * @param fields the fields by id, read once per request
 * @param visibleDocuments how many of the given document ids the requesting user sees (for document links)
 */
record CustomFieldJson(Map<Long, CustomField> fields, Function<Set<Long>, Integer> visibleDocuments) {

    static CustomFieldJson of(Services services, Function<Set<Long>, Integer> visibleDocuments) {
        Map<Long, CustomField> fields = new LinkedHashMap<>();
        var repository = services.customFields;
        if (repository != null) {
            repository.list().forEach(f -> fields.put(f.id(), f));
        }
        return new CustomFieldJson(fields, visibleDocuments);
    }

    /** A document's {@code custom_fields}: field and value, in the order they were added. */
    List<Map<String, Object>> json(List<CustomFieldInstance> values) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (CustomFieldInstance v : values) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("value", value(fields.get(v.fieldId()), v.value()));
            json.put("field", v.fieldId());
            list.add(json);
        }
        return list;
    }

    static Object value(CustomField field, String stored) {
        if (stored == null || field == null) {
            return stored;
        }
        try {
            return switch (field.dataType()) {
                case INTEGER -> Long.parseLong(stored);
                case FLOAT -> Double.parseDouble(stored);
                case BOOLEAN -> Boolean.parseBoolean(stored);
                case DOCUMENTLINK -> CustomFieldValues.documentIds(stored);
                case SELECT -> field.option(stored).map(CustomField.SelectOption::id).orElse(stored);
                default -> stored;
            };
        } catch (NumberFormatException e) {
            return stored; // kept as imported; shown as it is
        }
    }

    /** The field of a {@code {"field": id, ...}} or an id key; 400 when there is none such. */
    CustomField field(JsonNode id, String where) {
        if (id == null || !id.canConvertToLong() || id.isFloatingPointNumber() || id.isBoolean()) {
            throw ApiException.invalid(where, "Incorrect type. Expected pk value, received " + (id == null ? "nothing" : id) + ".");
        }
        CustomField field = fields.get(id.asLong());
        if (field == null) {
            throw ApiException.invalid(where, "Invalid pk \"" + id.asText() + "\" - object does not exist.");
        }
        return field;
    }

    /** The canonical text of a JSON value for this field; 400 saying what the field takes. */
    String stored(CustomField field, JsonNode value, String where) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        String text;
        switch (field.dataType()) {
            case DOCUMENTLINK -> {
                if (!value.isArray()) {
                    throw ApiException.invalid(where, "Value must be a list");
                }
                Set<Long> ids = new HashSet<>();
                List<String> parts = new ArrayList<>();
                for (JsonNode id : value) {
                    if (!id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() < 1 || !ids.add(id.asLong())) {
                        throw ApiException.invalid(where, "Some documents in value don't exist or were specified twice.");
                    }
                    parts.add(id.asText());
                }
                if (!ids.isEmpty() && visibleDocuments.apply(ids) != ids.size()) {
                    throw ApiException.invalid(where, "Some documents in value don't exist or were specified twice.");
                }
                text = String.join(",", parts);
            }
            case BOOLEAN -> text = value.isBoolean() ? String.valueOf(value.asBoolean()) : scalar(value, where);
            default -> text = scalar(value, where);
        }
        try {
            return CustomFieldValues.canonical(field, text);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(where, e.getMessage());
        }
    }

    private static String scalar(JsonNode value, String where) {
        if (value.isContainerNode()) {
            throw ApiException.invalid(where, "Not a valid value: a " + value.getNodeType().name().toLowerCase() + ".");
        }
        return value.isBigDecimal() || value.isDouble() || value.isFloat() ? value.decimalValue().toPlainString() : value.asText();
    }

    /** The fields and values of a document's {@code custom_fields} list: {@code [{"field": id, "value": ...}]}. */
    Map<Long, String> list(JsonNode list) {
        if (list == null || !list.isArray()) {
            throw ApiException.invalid("custom_fields", "Expected a list of items but got type \""
                    + (list == null ? "null" : list.getNodeType().name().toLowerCase()) + "\".");
        }
        Map<Long, String> values = new LinkedHashMap<>();
        for (JsonNode item : list) {
            if (!item.isObject()) {
                throw ApiException.invalid("custom_fields", "Each item is {\"field\": id, \"value\": ...}.");
            }
            CustomField field = field(item.get("field"), "custom_fields");
            values.put(field.id(), stored(field, item.get("value"), "custom_fields"));
        }
        return values;
    }

    /**
     * paperless-ngx's two spellings of fields to add (post_document, bulk_edit): a list of ids (no value, or the
     * value kept) or an object of id to value.
     *
     * @param attach receives the ids given without a value
     * @return the values given
     */
    Map<Long, String> idsOrValues(JsonNode given, String where, Set<Long> attach) {
        Map<Long, String> values = new LinkedHashMap<>();
        if (given == null || given.isNull()) {
            return values;
        }
        if (given.isIntegralNumber()) {
            attach.add(field(given, where).id());
        } else if (given.isArray()) {
            for (JsonNode id : given) {
                if (!attach.add(field(id, where).id())) {
                    throw ApiException.invalid(where, "Some custom fields in " + where + " don't exist or were specified twice.");
                }
            }
        } else if (given.isObject()) {
            for (var entry : (Iterable<Map.Entry<String, JsonNode>>) given::fields) {
                JsonNode key = entry.getKey().matches("\\d{1,18}") ? com.fasterxml.jackson.databind.node.LongNode
                        .valueOf(Long.parseLong(entry.getKey())) : com.fasterxml.jackson.databind.node.TextNode.valueOf(entry.getKey());
                CustomField field = field(key, where);
                values.put(field.id(), stored(field, entry.getValue(), where));
            }
        } else {
            throw ApiException.invalid(where, where + " must be a list of integers or a dict of id:value pairs");
        }
        return values;
    }
}
