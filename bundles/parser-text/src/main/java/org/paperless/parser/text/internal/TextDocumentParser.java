package org.paperless.parser.text.internal;

import java.io.IOException;
import java.nio.file.Files;
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

    /** The whole file is held in memory (bytes and text), so its size is capped. */
    static final long MAX_BYTES = 50L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(TextDocumentParser.class);

    @Override
    public ParsedDocument parse(Path file, String mimeType) throws ParseException {
        String name = file.getFileName().toString();
        byte[] bytes = read(file, name);
        CharsetDetection.Decoded decoded = CharsetDetection.decode(bytes);
        LOG.debug("Read {} as {} ({} bytes)", name, decoded.charset(), bytes.length);
        return new ParsedDocument(decoded.text(), null, null, thumbnail(decoded.text(), name));
    }

    private static byte[] read(Path file, String name) throws ParseException {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                LOG.warn("{} is {} bytes, over the {} MB limit for text files", name, size, MAX_BYTES >> 20);
                throw new ParseException("The text file " + name + " is " + (size >> 20) + " MB; text files over "
                        + (MAX_BYTES >> 20) + " MB are not read");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}", name, e.toString());
            throw new ParseException("Cannot read the text file " + name + ": " + e.getMessage(), e);
        }
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
