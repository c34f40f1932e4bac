package org.paperless.api.storage;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.paperless.api.CustomFieldType;

/**
 * Conditions on documents' custom field values, as paperless-ngx's {@code custom_field_query}: atoms on one
 * field joined by all, any and not. An atom holds values already checked and written canonically for its field
 * ({@link org.paperless.api.CustomFieldValues}); {@link Atom#matches} says whether one document meets it.
 */
public sealed interface FieldCondition {

    /** paperless-ngx's bounds: how deep conditions nest, how many atoms one query has. */
    int MAX_DEPTH = 10;
    int MAX_ATOMS = 20;

    /** Every part holds. */
    record All(List<FieldCondition> parts) implements FieldCondition {
        public All {
            parts = List.copyOf(parts);
        }
    }

    /** At least one part holds. */
    record Any(List<FieldCondition> parts) implements FieldCondition {
        public Any {
            parts = List.copyOf(parts);
        }
    }

    /** The part does not hold (documents without the field included). */
    record Not(FieldCondition part) implements FieldCondition {
        public Not {
            Objects.requireNonNull(part, "part");
        }
    }

    /** How an atom compares. */
    enum Op {
        EXISTS, ISNULL, EXACT, IN, ICONTAINS, ISTARTSWITH, IENDSWITH, GT, GTE, LT, LTE, RANGE, CONTAINS;

        /** paperless-ngx's name ("gte"), or null. */
        public static Op named(String name) {
            return Arrays.stream(values()).filter(o -> o.name().equalsIgnoreCase(name)).findFirst().orElse(null);
        }

        public boolean arithmetic() {
            return this == GT || this == GTE || this == LT || this == LTE || this == RANGE;
        }
    }

    /** The part of a date an atom compares, as Django's lookups name it. */
    enum DatePart {
        YEAR, ISO_YEAR, MONTH, DAY, WEEK, WEEK_DAY, ISO_WEEK_DAY, QUARTER;

        public static DatePart named(String name) {
            return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(name)).findFirst().orElse(null);
        }

        int of(LocalDate date) {
            return switch (this) {
                case YEAR -> date.getYear();
                case ISO_YEAR -> date.get(IsoFields.WEEK_BASED_YEAR);
                case MONTH -> date.getMonthValue();
                case DAY -> date.getDayOfMonth();
                case WEEK -> date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                case WEEK_DAY -> date.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : date.getDayOfWeek().getValue() + 1;
                case ISO_WEEK_DAY -> date.getDayOfWeek().getValue();
                case QUARTER -> (date.getMonthValue() - 1) / 3 + 1;
            };
        }
    }

    /**
     * One field's value against an operator.
     *
     * @param part a date's part to compare (only for dates), or null
     * @param values canonical texts: one for most operators, any number for {@code in}, two for {@code range},
     *        document ids for {@code contains}, "true"/"false" for {@code exists} and {@code isnull}
     */
    record Atom(long fieldId, CustomFieldType type, DatePart part, Op op, List<String> values) implements FieldCondition {
        public Atom {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(op, "op");
            values = List.copyOf(values);
        }

        /**
         * Whether a document meets the atom.
         *
         * @param present the document carries the field
         * @param value its value there (null: none)
         */
        public boolean matches(boolean present, String value) {
            return switch (op) {
                case EXISTS -> present == first().equals("true");
                case ISNULL -> present && (value == null) == first().equals("true");
                default -> present && value != null && readable(value);
            };
        }

        /** A value that cannot be read as the field's type (kept from before a type's rules) matches nothing. */
        private boolean readable(String value) {
            try {
                return test(value);
            } catch (RuntimeException e) {
                return false;
            }
        }

        private String first() {
            return values.isEmpty() ? "" : values.get(0);
        }

        private boolean test(String value) {
            String lower = value.toLowerCase(Locale.ROOT);
            return switch (op) {
                case EXACT -> equal(value, first());
                case IN -> values.stream().anyMatch(v -> equal(value, v));
                case ICONTAINS -> lower.contains(first().toLowerCase(Locale.ROOT));
                case ISTARTSWITH -> lower.startsWith(first().toLowerCase(Locale.ROOT));
                case IENDSWITH -> lower.endsWith(first().toLowerCase(Locale.ROOT));
                case GT -> compare(value, first()) > 0;
                case GTE -> compare(value, first()) >= 0;
                case LT -> compare(value, first()) < 0;
                case LTE -> compare(value, first()) <= 0;
                case RANGE -> values.size() == 2 && compare(value, values.get(0)) >= 0 && compare(value, values.get(1)) <= 0;
                case CONTAINS -> ids(value).containsAll(values.stream().map(String::strip).toList());
                default -> false;
            };
        }

        /** Numbers and dates by value (1.5 = 1.50), amounts as their texts (currency included), the rest as text. */
        private boolean equal(String stored, String given) {
            return switch (type) {
                case INTEGER, FLOAT, DATE -> compare(stored, given) == 0;
                default -> part == null ? stored.equals(given) : compare(stored, given) == 0;
            };
        }

        private int compare(String stored, String given) {
            if (part != null) {
                return Integer.compare(part.of(LocalDate.parse(stored)), Integer.parseInt(given.strip()));
            }
            return switch (type) {
                case DATE -> LocalDate.parse(stored).compareTo(LocalDate.parse(given));
                case MONETARY -> amount(stored).compareTo(amount(given));
                default -> new BigDecimal(stored.strip()).compareTo(new BigDecimal(given.strip()));
            };
        }

        /** An amount without its currency ("EUR12.50" is 12.50). */
        private static BigDecimal amount(String monetary) {
            String s = monetary.strip();
            return new BigDecimal(s.length() > 3 && Character.isLetter(s.charAt(0)) ? s.substring(3).strip() : s);
        }

        private static Set<String> ids(String links) {
            return new HashSet<>(Arrays.asList(links.split(",")));
        }
    }
}
