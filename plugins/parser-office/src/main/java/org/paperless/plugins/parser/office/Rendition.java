package org.paperless.plugins.parser.office;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.paperless.api.archive.PdfArchiver;
import org.paperless.api.parser.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive copy and thumbnail of a document: LibreOffice's PDF/A-2b, passed through the PDF/A archiver when
 * one is installed (the same archiver as every other archive copy; when it fails, LibreOffice's own copy is
 * kept). A copy that cannot be made costs the document its archive copy and thumbnail, never its text.
 *
 * @param archive the archive copy (a temp file the caller owns), or null
 * @param thumbnail page 1 as a PNG, or null
 * @param pages the archive copy's page count, or null
 */
record Rendition(Path archive, byte[] thumbnail, Integer pages) {

    static final Rendition NONE = new Rendition(null, null, null);

    private static final Logger LOG = LoggerFactory.getLogger(Rendition.class);

    static Rendition of(Path document, OfficeType type, String name, LibreOffice office, PdfArchiver archiver) {
        if (office.executable().isEmpty()) {
            return NONE; // LibreOffice.executable() has said so once
        }
        Path archive;
        try {
            archive = office.toPdf(document, type, name);
        } catch (ParseException e) {
            LOG.warn("{} is stored without an archive copy and thumbnail: {}", name, e.getMessage());
            return NONE;
        }
        if (archiver != null) {
            archive = throughArchiver(archive, archiver, name);
        }
        try {
            PdfPages.Result pages = PdfPages.read(archive);
            return new Rendition(archive, pages.thumbnail(), pages.pages());
        } catch (IOException | RuntimeException e) {
            delete(archive);
            LOG.warn("{} is stored without an archive copy and thumbnail: its PDF cannot be read back: {}", name, e.toString());
            return NONE;
        }
    }

    /** The archiver's copy when it has as many pages as LibreOffice's, else LibreOffice's own. */
    private static Path throughArchiver(Path converted, PdfArchiver archiver, String name) {
        Path copy = null;
        try {
            copy = Files.createTempFile("paperless-office-archive-", ".pdf");
            archiver.archive(converted, copy);
            int expected = PdfPages.count(converted);
            int written = PdfPages.count(copy);
            if (written != expected) {
                throw new ParseException("the copy has " + written + " pages instead of " + expected);
            }
            delete(converted);
            return copy;
        } catch (ParseException | IOException | RuntimeException e) {
            delete(copy);
            LOG.warn("The PDF/A archiver could not copy {} ({}); LibreOffice's own PDF/A-2b copy is kept", name, e.getMessage());
            return converted;
        }
    }

    static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", file, e.getMessage());
        }
    }
}
