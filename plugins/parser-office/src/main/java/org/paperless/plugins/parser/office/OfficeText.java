package org.paperless.plugins.parser.office;

import java.time.LocalDate;

/**
 * What Tika read from an office document.
 *
 * @param text the body text, with the title in front when the body does not contain it
 * @param type the kind of document
 * @param created the day the document says it was created, or null
 * @param pages the page (or slide) count the document records, or null
 */
record OfficeText(String text, OfficeType type, LocalDate created, Integer pages) {
}
