package org.paperless.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A custom field's value checked against its type and written in the canonical text form documents keep,
 * the export writes and the index reads; the same rules for the console, the REST API and mail rules. The
 * bounds are paperless-ngx's, so that whatever is stored here can be exported to it.
 */
public final class CustomFieldValues {

    /** The longest value of a string field (paperless-ngx's column). */
    public static final int MAX_STRING = 128;

    private static final Pattern MONETARY = Pattern.compile("([A-Za-z]{3})?\\s*(-?\\d{1,10}(?:\\.\\d{1,2})?)");
    private static final Pattern DOCUMENT_IDS = Pattern.compile("\\d{1,18}(?:\\s*[,; ]\\s*\\d{1,18})*");
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private CustomFieldValues() {
    }

    /**
     * @param value the value as text; null stays null (the field is on the document without a value)
     * @return the canonical text: numbers plain, booleans true/false, dates ISO, amounts with two decimals and an
     *         optional upper-case currency, document ids joined by commas, a select option's label
     * @throws IllegalArgumentException saying what the field takes
     */
    public static String canonical(CustomField field, String value) {
        if (value == null) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        try {
            return switch (field.dataType()) {
                case BOOLEAN -> switch (lower) {
                    case "true", "yes", "1" -> "true";
                    case "false", "no", "0" -> "false";
                    default -> throw refused(field, value, "true or false");
                };
                case INTEGER -> integer(field, value);
                case FLOAT -> new BigDecimal(value).toPlainString();
                case DATE -> LocalDate.parse(value).toString();
                case MONETARY -> monetary(field, value);
                case DOCUMENTLINK -> documentIds(field, value);
                case URL -> value.isEmpty() || value.matches("(?i)[a-z][a-z0-9+.-]*:\\S+") ? value
                        : urlRefused(field, value);
                case SELECT -> select(field, value);
                case STRING -> value.length() <= MAX_STRING ? value : tooLong(field, value);
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

    /** The document ids of a document link value. */
    public static List<Long> documentIds(String canonical) {
        return canonical == null || canonical.isEmpty() ? List.of()
                : List.of(canonical.split(",")).stream().map(String::strip).map(Long::parseLong).toList();
    }

    private static String integer(CustomField field, String value) {
        BigInteger n = new BigDecimal(value).toBigIntegerExact();
        if (n.compareTo(INT_MIN) < 0 || n.compareTo(INT_MAX) > 0) {
            throw refused(field, value, "a whole number from " + INT_MIN + " to " + INT_MAX);
        }
        return n.toString();
    }

    private static String monetary(CustomField field, String value) {
        Matcher m = MONETARY.matcher(value.strip());
        if (!m.matches()) {
            throw refused(field, value, "an amount such as 12.50 or EUR12.50");
        }
        String amount = new BigDecimal(m.group(2)).setScale(2).toPlainString();
        return m.group(1) == null ? amount : m.group(1).toUpperCase(Locale.ROOT) + amount;
    }

    private static String documentIds(CustomField field, String value) {
        if (!DOCUMENT_IDS.matcher(value.strip()).matches()) {
            throw refused(field, value, "document ids separated by commas");
        }
        return String.join(",", value.strip().split("\\s*[,; ]\\s*"));
    }

    private static String select(CustomField field, String value) {
        if (field.selectOptions().isEmpty()) {
            throw refused(field, value, "one of its options, and it has none yet");
        }
        return field.option(value).map(CustomField.SelectOption::label).orElseThrow(() -> refused(field, value,
                "one of " + field.selectOptions().stream().map(CustomField.SelectOption::label).toList()));
    }

    private static String tooLong(CustomField field, String value) {
        throw refused(field, value.substring(0, 40) + "...", "at most " + MAX_STRING + " characters");
    }

    private static String urlRefused(CustomField field, String value) {
        throw refused(field, value, "a URL such as https://example.org/");
    }

    private static IllegalArgumentException refused(CustomField field, String value, String wanted) {
        return new IllegalArgumentException("Custom field '" + field.name() + "' (" + field.dataType().label()
                + ") takes " + wanted + ", got '" + value + "'");
    }
}
