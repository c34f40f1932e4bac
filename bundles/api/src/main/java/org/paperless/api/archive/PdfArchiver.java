package org.paperless.api.archive;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.parser.ParseException;

/**
 * Writes a PDF/A-2b copy of a PDF whose pages carry their own text (a born-digital PDF, a rendered mail):
 * fonts embedded, colours tied to an sRGB output intent, the text still selectable.
 */
@ProviderType
public interface PdfArchiver {

    /**
     * @param pdf the PDF to copy (left as it is)
     * @param target where to write the PDF/A-2b; replaced if it exists, removed again on failure
     * @throws ParseException when no archive can be written, with a reason a user can act on
     */
    void archive(Path pdf, Path target) throws ParseException;
}
