package org.paperless.api.parser;

import java.time.LocalDate;

/**
 * What a parser found in a file.
 *
 * @param text the extracted text (empty when there is none, never null)
 * @param pageCount the number of pages, or null when the format has none
 * @param metadataDate a date the file itself records (e.g. a PDF's creation date), or null
 * @param thumbnailPng a PNG picture of the first page, at most 500 pixels wide, or null
 */
public record ParsedDocument(String text, Integer pageCount, LocalDate metadataDate, byte[] thumbnailPng) {

    public ParsedDocument {
        text = text == null ? "" : text;
    }
}
