package org.paperless.parser.text.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Component;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads plain text and CSV files in whatever charset they were written; draws their first lines. */
@Component(service = DocumentParser.class, property = {
        // The same name twice makes the property a String[].
        DocumentParser.MIME_TYPES + "=text/plain",
        DocumentParser.MIME_TYPES + "=text/csv"})
public class TextDocumentParser implements DocumentParser {

    /**
     * The text kept of one file, as for PDFs: files of any size are taken, only their first 32 Mi characters
     * are read (64 MB in memory at most).
     */
    static final int MAX_CHARS = 32 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(TextDocumentParser.class);

    private final int maxChars;

    public TextDocumentParser() {
        this(MAX_CHARS);
    }

    TextDocumentParser(int maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public ParsedDocument parse(Path file, String mimeType) throws ParseException {
        String name = file.getFileName().toString();
        TextFile.Read read;
        try {
            read = TextFile.read(file, maxChars);
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}", name, e.toString());
            throw new ParseException("Cannot read the text file " + name + ": " + e.getMessage(), e);
        }
        if (read.cut()) {
            LOG.warn("{} has more than {} characters of text; the rest is not kept", name, maxChars);
        }
        if (read.controlChars() > 0) {
            LOG.warn("{} holds {} control characters such as NUL, left out of its text: it may not be a text file",
                    name, read.controlChars());
        }
        LOG.debug("Read {} as {} ({} characters kept)", name, read.charset(), read.text().length());
        return new ParsedDocument(read.text(), null, null, thumbnail(read.text(), name));
    }

    /** A missing thumbnail must not cost the document its text. */
    private static byte[] thumbnail(String text, String name) {
        try {
            return TextThumbnailRenderer.render(text);
        } catch (RuntimeException | LinkageError | InternalError e) {
            // Java2D fails like this when the machine has no fonts or fontconfig (install fonts-dejavu-core).
            LOG.warn("No thumbnail for {}: {}", name, e.toString());
            return null;
        }
    }
}
