package org.paperless.parser.pdf.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.paperless.api.parser.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PDF/A archive copy of a PDF that has its text already. A copy that cannot be written costs the
 * document its archive, never its place: the original is what counts.
 */
final class TextPdfArchive {

    private static final Logger LOG = LoggerFactory.getLogger(TextPdfArchive.class);

    /**
     * Writes the copy: a {@link PdfArchiver}'s refusal (ParseException) leaves the document without one; an
     * IOException (the archiver missing) fails the document.
     */
    interface Copier {
        void archive(Path pdf, Path target) throws ParseException, IOException;
    }

    private TextPdfArchive() {
    }

    /** Starts {@link #write} on the pool, so the copy is made while the caller draws the thumbnail. */
    static Future<Path> start(ExecutorService pool, Path pdf, Copier archiver, int pages, String name) {
        return pool.submit(() -> write(pdf, archiver, pages, name));
    }

    /** @return the archive copy, or null when none could be written */
    static Path await(Future<Path> archive) throws IOException {
        try {
            return archive.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discard(archive);
            throw new IOException("Interrupted while the archive copy was written", e);
        } catch (ExecutionException e) {
            throw new IOException("The archive copy failed: " + e.getCause(), e.getCause());
        }
    }

    /** For a parse that failed after the copy was started: waits for it and removes what it wrote. */
    static void discard(Future<Path> archive) {
        try {
            Path written = archive.get();
            if (written != null) {
                Files.deleteIfExists(written);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | IOException e) {
            LOG.debug("Discarded archive copy: {}", e.toString());
        }
    }

    /** @return the archive copy (a temp file the caller owns), or null when none could be written */
    static Path write(Path pdf, Copier archiver, int pages, String name) throws IOException {
        Path archive = Files.createTempFile("paperless-archive-", ".pdf");
        try {
            archiver.archive(pdf, archive);
            int written = pageCount(archive);
            if (written != pages) {
                throw new ParseException("the archive copy has " + written + " pages instead of " + pages);
            }
            Path result = archive;
            archive = null;
            return result;
        } catch (ParseException e) {
            LOG.warn("{} is stored without an archive copy: {}", name, e.getMessage());
            return null;
        } finally {
            if (archive != null) {
                Files.deleteIfExists(archive);
            }
        }
    }

    private static int pageCount(Path pdf) throws ParseException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new ParseException("the archive copy cannot be read back: " + e.getMessage(), e);
        }
    }
}
