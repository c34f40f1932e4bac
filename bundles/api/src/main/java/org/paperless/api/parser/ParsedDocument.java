package org.paperless.api.parser;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What a parser found in a file.
 *
 * @param text the extracted text (empty when there is none, never null)
 * @param pageCount the number of pages, or null when the format has none
 * @param metadataDate a date the file itself records (e.g. a PDF's creation date), or null
 * @param thumbnailPng a PNG picture of the first page, at most 500 pixels wide, or null
 * @param archivePdf a searchable PDF/A copy the parser wrote (OCR), or null; the consumer moves it into
 *        the archive folder, so it must be a file of its own that the parser no longer needs
 */
public record ParsedDocument(String text, Integer pageCount, LocalDate metadataDate, byte[] thumbnailPng, Path archivePdf) {

    public ParsedDocument {
        text = text == null ? "" : text;
    }

    /** A result without an archive copy: the original is all there is. */
    public ParsedDocument(String text, Integer pageCount, LocalDate metadataDate, byte[] thumbnailPng) {
        this(text, pageCount, metadataDate, thumbnailPng, null);
    }
}
