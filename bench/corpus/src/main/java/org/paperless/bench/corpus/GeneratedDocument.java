package org.paperless.bench.corpus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One composed document: what it is (the ground truth) and the exact lines of each page.
 * {@code amount} is the main amount exactly as printed, or null when the type states none.
 */
public record GeneratedDocument(int index, String baseName, String correspondent, String correspondentSlug,
                                String documentType, List<String> tags, LocalDate created, String title,
                                String amount, BigDecimal amountValue, String currency, String customerNumber,
                                String documentNumber, boolean serif, List<List<String>> pages) {

    /** The text of one page as drawn: its lines joined by newlines. */
    public String pageText(int page) {
        return String.join("\n", pages.get(page));
    }
}
