package org.paperless.api.ocr;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.parser.ParseException;

/** Reads page images and writes them as a searchable PDF/A-2b: the pictures with an invisible text layer. */
@ProviderType
public interface OcrService {

    /**
     * @param pageImages one image file per page, in page order (the caller keeps and deletes them)
     * @param dpi the resolution the images were rendered or scanned at
     * @param archive where to write the PDF/A-2b of the pages
     * @param title the title for the PDF's metadata
     * @return the text of each page, in page order
     * @throws ParseException when OCR is unavailable or a page cannot be read
     */
    List<String> recognize(List<Path> pageImages, int dpi, Path archive, String title) throws ParseException;
}
