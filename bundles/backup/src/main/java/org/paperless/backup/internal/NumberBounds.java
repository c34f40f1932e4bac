package org.paperless.backup.internal;

import java.math.BigDecimal;

import org.paperless.api.CustomFieldType;

/**
 * Numbers of custom field values as a collection can hold them: an integer field (paperless-ngx's
 * value_int) takes whole numbers of 64 bits, every other number (value_float, value_monetary) less than
 * 10^18 in magnitude with at most 30 digits after the point. A number outside is refused before it is
 * written out in full: {@code 1e999999999} as plain digits would be a gigabyte.
 */
final class NumberBounds {

    static final int MAX_FRACTION_DIGITS = 30;
    private static final BigDecimal MAX_DECIMAL = BigDecimal.TEN.pow(18);
    private static final BigDecimal MIN_LONG = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);
    /** A number written as text is parsed only when short: parsing a long digit string costs its square. */
    private static final int MAX_TEXT_CHARS = 100;

    private NumberBounds() {
    }

    /**
     * The number as plain digits.
     *
     * @throws IllegalArgumentException saying what a field of this type takes
     */
    static String plain(BigDecimal number, CustomFieldType type) {
        // compareTo and stripTrailingZeros look at the exponent before the digits: cheap whatever it is.
        if (type == CustomFieldType.INTEGER) {
            if (number.compareTo(MIN_LONG) < 0 || number.compareTo(MAX_LONG) > 0
                    || number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("an integer field takes whole numbers from " + Long.MIN_VALUE
                        + " to " + Long.MAX_VALUE + ", not " + shown(number));
            }
            return number.toBigInteger().toString();
        }
        BigDecimal stripped = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        if (stripped.abs().compareTo(MAX_DECIMAL) >= 0 || stripped.scale() > MAX_FRACTION_DIGITS) {
            throw new IllegalArgumentException("a number field takes numbers below 10^18 with at most "
                    + MAX_FRACTION_DIGITS + " digits after the point, not " + shown(number));
        }
        return number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString();
    }

    /** A value of a number field given as text: checked like a number when it is one, else kept. */
    static String plainText(String text, CustomFieldType type) {
        if (type != CustomFieldType.INTEGER && type != CustomFieldType.FLOAT) {
            return text;
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new IllegalArgumentException("a number field takes numbers, not " + text.length() + " characters of text");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return text;
        }
        return plain(number, type);
    }

    /** Scientific notation: never longer than its digits, whatever the exponent. */
    private static String shown(BigDecimal number) {
        return number.toString();
    }
}
