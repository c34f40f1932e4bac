package org.paperless.consumer.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * The MIME type from a file's bytes (Tika's magic patterns), never from its name: a JPEG called
 * invoice.pdf is a JPEG. Only where bytes cannot tell (CSV is plain text) does the name refine it.
 */
final class MimeDetector {

    private final MimeTypes types = MimeTypes.getDefaultMimeTypes(MimeDetector.class.getClassLoader());

    String detect(Path file) throws IOException {
        MediaType type;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            type = types.detect(in, new Metadata());
        }
        String mime = type.getBaseType().toString();
        if ("text/plain".equals(mime) && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return "text/csv";
        }
        return mime;
    }

    /** The usual extension of a type, with its dot, for files stored without a usable one. */
    String extension(String mime) {
        try {
            String ext = types.forName(mime).getExtension();
            return ext.isEmpty() ? ".bin" : ext;
        } catch (org.apache.tika.mime.MimeTypeException e) {
            return ".bin";
        }
    }
}
