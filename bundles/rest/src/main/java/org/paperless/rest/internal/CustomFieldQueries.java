package org.paperless.rest.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.paperless.api.CustomField;
import org.paperless.api.CustomFieldType;
import org.paperless.api.CustomFieldValues;
import org.paperless.api.storage.FieldCondition;
import org.paperless.api.storage.FieldCondition.Atom;
import org.paperless.api.storage.FieldCondition.DatePart;
import org.paperless.api.storage.FieldCondition.Op;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * paperless-ngx's {@code custom_field_query} read into a {@link FieldCondition}: {@code [field, op, value]},
 * {@code ["AND"|"OR", [...]]}, {@code ["NOT", q]}; fields by id or name; the operators each type takes, with
 * its messages; at most 10 levels and 20 conditions.
 */
final class CustomFieldQueries {

    static final String PARAM = "custom_field_query";

    private static final Set<Op> BASIC = EnumSet.of(Op.EXACT, Op.IN, Op.ISNULL, Op.EXISTS);
    private static final Set<Op> STRING = EnumSet.of(Op.ICONTAINS, Op.ISTARTSWITH, Op.IENDSWITH);
    private static final Set<Op> ARITHMETIC = EnumSet.of(Op.GT, Op.GTE, Op.LT, Op.LTE, Op.RANGE);

    private final Map<Long, CustomField> byId = new java.util.HashMap<>();
    private final Map<String, CustomField> byName = new java.util.HashMap<>();
    private int depth;
    private int atoms;

    private CustomFieldQueries(List<CustomField> fields) {
        for (CustomField f : fields) {
            byId.put(f.id(), f);
            byName.putIfAbsent(f.name(), f);
        }
    }

    /** The query's condition; 400 with paperless-ngx's message when it is not one. */
    static FieldCondition parse(String query, List<CustomField> fields) {
        JsonNode expr;
        try {
            expr = Json.MAPPER.readTree(query);
        } catch (JsonProcessingException e) {
            throw invalid("Value must be valid JSON.");
        }
        return new CustomFieldQueries(fields).expression(expr);
    }

    private static ApiException invalid(String message) {
        return ApiException.invalid(PARAM, message);
    }

    private FieldCondition expression(JsonNode expr) {
        if (++depth > FieldCondition.MAX_DEPTH) {
            throw invalid("Maximum nesting depth exceeded.");
        }
        try {
            if (expr != null && expr.isArray() && expr.size() == 2) {
                return logical(expr.get(0), expr.get(1));
            }
            if (expr != null && expr.isArray() && expr.size() == 3) {
                return atom(expr.get(0), expr.get(1), expr.get(2));
            }
            throw invalid("Invalid custom field query expression");
        } finally {
            depth--;
        }
    }

    private FieldCondition logical(JsonNode op, JsonNode args) {
        String name = op.isTextual() ? op.asText().toLowerCase(java.util.Locale.ROOT) : "";
        if (name.equals("not")) {
            return new FieldCondition.Not(expression(args));
        }
        if (!name.equals("and") && !name.equals("or")) {
            throw invalid("Invalid logical operator '" + op.asText() + "'");
        }
        if (!args.isArray() || args.isEmpty()) {
            throw invalid("Invalid expression list. Must be nonempty.");
        }
        List<FieldCondition> parts = new ArrayList<>();
        args.forEach(a -> parts.add(expression(a)));
        return name.equals("and") ? new FieldCondition.All(parts) : new FieldCondition.Any(parts);
    }

    private Atom atom(JsonNode idOrName, JsonNode rawOp, JsonNode value) {
        if (++atoms > FieldCondition.MAX_ATOMS) {
            throw invalid("Maximum number of query conditions exceeded.");
        }
        CustomField field = idOrName.isIntegralNumber() ? byId.get(idOrName.asLong())
                : idOrName.isTextual() ? byName.get(idOrName.asText()) : null;
        if (field == null) {
            throw invalid("'" + idOrName.asText() + "' is not a valid custom field.");
        }
        String full = rawOp.isTextual() ? rawOp.asText() : String.valueOf(rawOp);
        int split = full.lastIndexOf("__");
        DatePart part = split < 0 ? null : DatePart.named(full.substring(0, split));
        Op op = Op.named(split < 0 ? full : full.substring(split + 2));
        if (op == null || !supports(field.dataType()).contains(op) || (split >= 0
                && (part == null || field.dataType() != CustomFieldType.DATE))) {
            throw invalid(field.dataType().name().toLowerCase(java.util.Locale.ROOT) + " does not support query expr '"
                    + full + "'.");
        }
        return new Atom(field.id(), field.dataType(), part, op, values(field, part, op, value));
    }

    private static Set<Op> supports(CustomFieldType type) {
        Set<Op> ops = EnumSet.copyOf(BASIC);
        switch (type) {
            case STRING, URL, LONGTEXT -> ops.addAll(STRING);
            case DATE, INTEGER, FLOAT -> ops.addAll(ARITHMETIC);
            case MONETARY -> {
                ops.addAll(STRING);
                ops.addAll(ARITHMETIC);
            }
            case DOCUMENTLINK -> ops.add(Op.CONTAINS);
            default -> {
            }
        }
        return ops;
    }

    /** The value(s) checked and written as documents keep them. */
    private static List<String> values(CustomField field, DatePart part, Op op, JsonNode value) {
        if (op == Op.EXISTS || op == Op.ISNULL) {
            return List.of(Boolean.toString(bool(value)));
        }
        if (op == Op.IN || op == Op.RANGE) {
            if (!value.isArray() || value.isEmpty() || (op == Op.RANGE && value.size() != 2)) {
                throw invalid(op == Op.RANGE ? "Expected a list of two values [start, end]." : "Expected a non-empty list.");
            }
            List<String> values = new ArrayList<>();
            value.forEach(v -> values.add(one(field, part, op, v)));
            return values;
        }
        if (op == Op.CONTAINS) {
            return ids(value).stream().map(String::valueOf).toList();
        }
        return List.of(one(field, part, op, value));
    }

    private static String one(CustomField field, DatePart part, Op op, JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode() && field.dataType() != CustomFieldType.DOCUMENTLINK) {
            throw invalid("This field may not be null, nor a list or an object.");
        }
        String text = value.asText();
        try {
            if (part != null) {
                return Integer.toString(Integer.parseInt(text.strip()));
            }
            if (STRING.contains(op) || field.dataType() == CustomFieldType.URL) {
                return text;
            }
            return switch (field.dataType()) {
                case MONETARY -> op.arithmetic() ? new BigDecimal(text.strip()).toPlainString()
                        : CustomFieldValues.canonical(field, text);
                case DOCUMENTLINK -> String.join(",", ids(value).stream().map(String::valueOf).toList());
                case SELECT -> field.option(text).map(CustomField.SelectOption::label).orElse(text);
                case STRING, LONGTEXT -> text;
                default -> CustomFieldValues.canonical(field, text);
            };
        } catch (IllegalArgumentException e) {
            throw invalid("'" + text + "' is not a value of " + field.name() + " ("
                    + field.dataType().name().toLowerCase(java.util.Locale.ROOT) + ").");
        }
    }

    private static boolean bool(JsonNode value) {
        if (value != null && value.isBoolean()) {
            return value.asBoolean();
        }
        String text = value == null ? "" : value.asText().toLowerCase(java.util.Locale.ROOT);
        return switch (text) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw invalid("Must be a valid boolean.");
        };
    }

    private static List<Long> ids(JsonNode value) {
        if (value == null || !value.isArray() || value.size() > org.paperless.api.storage.DocumentQuery.MAX_VALUES) {
            throw invalid("Expected a list of document ids.");
        }
        List<Long> ids = new ArrayList<>();
        value.forEach(v -> {
            if (!v.canConvertToLong() || !v.isIntegralNumber() && !v.asText().matches("\\d{1,18}")) {
                throw invalid("A valid integer is required.");
            }
            ids.add(v.asLong());
        });
        return ids;
    }
}
