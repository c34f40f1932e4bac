package org.paperless.bench.corpus;

import java.time.LocalDate;

/**
 * Dates and money as senders print them. Hand-written rather than java.text, so output does not
 * depend on locale data and stays byte-identical across JDKs.
 */
final class Formats {
    private static final String[] MONTHS_DE = {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
        "August", "September", "Oktober", "November", "Dezember"};
    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private Formats() {}

    /** Number of date styles a sender of the given language may use. */
    static int dateStyles(boolean german) {
        return german ? 3 : 4;
    }

    /** DMY with dots or slashes, ISO, or month names (German "17. April 2023", English two ways). */
    static String date(LocalDate d, boolean german, int style) {
        String dd = two(d.getDayOfMonth());
        String mm = two(d.getMonthValue());
        return switch (style) {
            case 0 -> german ? dd + "." + mm + "." + d.getYear() : dd + "/" + mm + "/" + d.getYear();
            case 1 -> german ? d.getDayOfMonth() + ". " + month(d, true) + " " + d.getYear()
                    : d.getDayOfMonth() + " " + month(d, false) + " " + d.getYear();
            case 3 -> month(d, false) + " " + d.getDayOfMonth() + ", " + d.getYear();
            default -> d.toString();
        };
    }

    static String month(LocalDate d, boolean german) {
        return (german ? MONTHS_DE : MONTHS_EN)[d.getMonthValue() - 1];
    }

    /**
     * An amount in cents with its currency the way the sender's country writes it: 1.234,56 EUR,
     * 1.234,56 €, €1,234.56, £1,234.56, $1,234.56 or CHF 1'234.56. {@code style} picks a variant.
     */
    static String money(long cents, String currency, boolean german, int style) {
        boolean negative = cents < 0;
        long abs = Math.abs(cents);
        String sign = negative ? "-" : "";
        if ("CHF".equals(currency)) {
            return "CHF " + sign + group(abs / 100, '\'') + "." + two(abs % 100);
        }
        if (german) {
            String n = sign + group(abs / 100, '.') + "," + two(abs % 100);
            return n + (style == 0 || !"EUR".equals(currency) ? " " + currency : " €");
        }
        String n = group(abs / 100, ',') + "." + two(abs % 100);
        String symbol = switch (currency) {
            case "GBP" -> "£";
            case "USD" -> "$";
            default -> "€";
        };
        return style == 0 ? sign + symbol + n : currency + " " + sign + n;
    }

    private static String group(long units, char separator) {
        String s = Long.toString(units);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (i > 0 && (s.length() - i) % 3 == 0) {
                b.append(separator);
            }
            b.append(s.charAt(i));
        }
        return b.toString();
    }

    static String two(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }
}
