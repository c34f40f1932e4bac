package org.paperless.api.index;

import java.time.LocalDate;

/**
 * One found document, with what a result list shows of it.
 *
 * @param snippet the best passage of its text with the matched words in {@code **} marks, or empty
 */
public record SearchHit(long documentId, String title, String correspondent, LocalDate created, float score,
        String snippet) {
}
