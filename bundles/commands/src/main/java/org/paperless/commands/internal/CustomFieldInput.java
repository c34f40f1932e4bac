package org.paperless.commands.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.paperless.api.CustomField;
import org.paperless.api.NotFoundException;

/**
 * One {@code --custom-field NAME=VALUE} of the console: the field found by name or id, the value checked
 * against the field's type and written in the canonical form the export and the index read.
 */
record CustomFieldInput(CustomField field, String value) {

    private static final Pattern MONETARY = Pattern.compile("([A-Za-z]{3})?\\s*(-?\\d+(?:\\.\\d{1,2})?)");
    private static final Pattern DOCUMENT_IDS = Pattern.compile("\\d+(?:\\s*[,; ]\\s*\\d+)*");

    static CustomFieldInput parse(String assignment, List<CustomField> fields) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--custom-field takes NAME=VALUE, got '" + assignment + "'");
        }
        String name = assignment.substring(0, eq).strip();
        CustomField field = fields.stream().filter(f -> String.valueOf(f.id()).equals(name)).findFirst()
                .or(() -> fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst())
                .orElseThrow(() -> new NotFoundException("No custom field named or numbered '" + name
                        + "' (paperless:document-list --custom-field shows those in use)"));
        return new CustomFieldInput(field, canonical(field, assignment.substring(eq + 1).strip()));
    }

    private static String canonical(CustomField field, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        try {
            return switch (field.dataType()) {
                case BOOLEAN -> switch (lower) {
                    case "true", "yes", "1" -> "true";
                    case "false", "no", "0" -> "false";
                    default -> throw refused(field, value, "true or false");
                };
                case INTEGER -> new BigDecimal(value).toBigIntegerExact().toString();
                case FLOAT -> new BigDecimal(value).toPlainString();
                case DATE -> LocalDate.parse(value).toString();
                case MONETARY -> monetary(field, value);
                case DOCUMENTLINK -> documentIds(field, value);
                case URL -> value.matches("(?i)[a-z][a-z0-9+.-]*:.+") ? value : urlRefused(field, value);
                default -> value;
            };
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw refused(field, value, switch (field.dataType()) {
                case INTEGER -> "a whole number";
                case FLOAT -> "a number";
                default -> "a date as YYYY-MM-DD";
            });
        }
    }

    private static String monetary(CustomField field, String value) {
        Matcher m = MONETARY.matcher(value);
        if (!m.matches()) {
            throw refused(field, value, "an amount such as 12.50 or EUR12.50");
        }
        String amount = new BigDecimal(m.group(2)).setScale(2).toPlainString();
        return m.group(1) == null ? amount : m.group(1).toUpperCase(Locale.ROOT) + amount;
    }

    private static String documentIds(CustomField field, String value) {
        if (!DOCUMENT_IDS.matcher(value).matches()) {
            throw refused(field, value, "document ids separated by commas");
        }
        List<String> ids = new ArrayList<>(List.of(value.split("\\s*[,; ]\\s*")));
        return String.join(",", ids);
    }

    private static String urlRefused(CustomField field, String value) {
        throw refused(field, value, "a URL such as https://example.org/");
    }

    private static IllegalArgumentException refused(CustomField field, String value, String wanted) {
        return new IllegalArgumentException("Custom field '" + field.name() + "' (" + field.dataType().label()
                + ") takes " + wanted + ", got '" + value + "'");
    }
}
