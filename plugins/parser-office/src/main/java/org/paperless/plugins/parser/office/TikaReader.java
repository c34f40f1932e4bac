package org.paperless.plugins.parser.office;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.paperless.api.parser.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Text and metadata through Tika's own parsers (POI for Microsoft formats), built directly rather than found
 * through Tika's service loading. Embedded objects are not read: no parser is put in the context for them.
 */
final class TikaReader {

    static final String ENCRYPTED = "is encrypted with a password; remove the password and consume it again";
    /** As much text as the PDF parser keeps. */
    static final int MAX_CHARS = 32 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(TikaReader.class);

    static {
        // POI's own zip bomb limits, for the POI inside this bundle: the same as ZipGuard's.
        ZipSecureFile.setMinInflateRatio(1.0 / ZipGuard.MAX_RATIO);
        ZipSecureFile.setMaxEntrySize(ZipGuard.MAX_PART_BYTES);
    }

    private TikaReader() {
    }

    static OfficeText read(Path file, OfficeContainer container, String name) throws ParseException {
        Metadata metadata = new Metadata();
        BodyContentHandler handler = new BodyContentHandler(MAX_CHARS);
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        // Tika and POI look things up through the context class loader; inside OSGi that must be this bundle's.
        thread.setContextClassLoader(TikaReader.class.getClassLoader());
        try (TikaInputStream in = TikaInputStream.get(file)) {
            container.parser().parse(in, handler, metadata, new ParseContext());
        } catch (EncryptedDocumentException e) {
            throw new ParseException("The document " + name + " " + ENCRYPTED, e);
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw damaged(name, e);
            }
            LOG.warn("{} has more than {} characters of text; the rest is not kept", name, MAX_CHARS);
        } catch (TikaException | IOException | RuntimeException e) {
            throw damaged(name, e);
        } catch (StackOverflowError e) {
            throw new ParseException("The document " + name + " is nested too deeply to be read; it is probably"
                    + " damaged or made to harm", e);
        } finally {
            thread.setContextClassLoader(caller);
        }
        String contentType = metadata.get(Metadata.CONTENT_TYPE);
        OfficeType type = OfficeType.of(contentType).orElseThrow(() -> new ParseException("The file " + name
                + " is not a text document, spreadsheet or presentation this plugin reads (it is " + contentType + ")"));
        return new OfficeText(withTitle(handler.toString().strip(), metadata.get(TikaCoreProperties.TITLE)), type,
                created(metadata.get(TikaCoreProperties.CREATED)), pages(metadata));
    }

    private static ParseException damaged(String name, Throwable e) {
        Throwable cause = e.getCause() != null && e instanceof TikaException ? e.getCause() : e;
        String reason = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        LOG.warn("Cannot read {}: {}", name, reason);
        return new ParseException("The document " + name + " is damaged or truncated and cannot be read: " + reason, e);
    }

    /** The API has no title field: a title the body lacks goes in front of it, so it is searched too. */
    static String withTitle(String body, String title) {
        if (title == null || title.isBlank() || body.contains(title.strip())) {
            return body;
        }
        return body.isEmpty() ? title.strip() : title.strip() + "\n\n" + body;
    }

    /** dcterms:created as a day in this machine's time zone; a time without a zone is taken as it stands. */
    static LocalDate created(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).atZoneSameInstant(ZoneId.systemDefault()).toLocalDate();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value.strip()).toLocalDate();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static Integer pages(Metadata metadata) {
        for (Property property : new Property[] {PagedText.N_PAGES, Office.PAGE_COUNT, Office.SLIDE_COUNT}) {
            Integer count = metadata.getInt(property);
            if (count != null && count > 0) {
                return count;
            }
        }
        return null;
    }
}
