package org.paperless.api.parser;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reads the text and facts of one kind of file. Registered as an OSGi service with the property
 * {@value #MIME_TYPES} (the MIME types it reads, e.g. {@code application/pdf}); when several parsers
 * take a type, the one with the highest {@code service.ranking} wins, so a plugin can take over a type.
 */
@ConsumerType
public interface DocumentParser {

    /** Service property: the MIME types this parser reads (String or String[]). */
    String MIME_TYPES = "paperless.mime.types";

    /**
     * Parses a staged copy of the file; the parser must not change or keep it.
     *
     * @param file the staged copy
     * @param mimeType the type detected from the file's bytes
     * @throws ParseException with a message a user can act on when the file cannot be read
     */
    ParsedDocument parse(Path file, String mimeType) throws ParseException;

    /**
     * A PNG picture of the file's first page, at most 500 pixels wide, or null when there is none: for making
     * thumbnails again. Parsers whose parse() is costly (OCR) should answer without doing all of it.
     */
    default byte[] thumbnail(Path file, String mimeType) throws ParseException {
        ParsedDocument parsed = parse(file, mimeType);
        if (parsed.archivePdf() != null) {
            try {
                java.nio.file.Files.deleteIfExists(parsed.archivePdf());
            } catch (java.io.IOException e) {
                // a temporary file of the parser's: nothing depends on it
            }
        }
        return parsed.thumbnailPng();
    }
}
