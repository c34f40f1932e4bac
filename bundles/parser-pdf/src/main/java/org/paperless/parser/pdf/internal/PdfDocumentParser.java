package org.paperless.parser.pdf.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.paperless.api.archive.PdfArchiver;
import org.paperless.api.ocr.OcrService;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a PDF's text layer, page count, creation date and a thumbnail of page 1 with PDFBox. */
@Component(service = DocumentParser.class, property = DocumentParser.MIME_TYPES + "=application/pdf",
        configurationPid = "org.paperless.ocr")
public class PdfDocumentParser implements DocumentParser {

    static final String ENCRYPTED_MESSAGE =
            "The PDF is encrypted with a password; remove the password and consume it again";
    /** Beyond this many pages a file is more likely an attack or a mistake than a document. */
    static final int MAX_PAGES = 10_000;
    /** PDFBox keeps up to this much of a document's streams in memory, the rest in temp files. */
    private static final long MAX_MAIN_MEMORY = 64L * 1024 * 1024;
    /** Readers accept a header anywhere in the first 1024 bytes (junk before it happens in mail exports). */
    private static final int HEADER_WINDOW = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(PdfDocumentParser.class);

    private final PdfThumbnailRenderer thumbnails = new PdfThumbnailRenderer();
    private final ExecutorService archivePool = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "paperless-pdf-archive");
        thread.setDaemon(true);
        return thread;
    });
    private volatile OcrMode mode = OcrMode.SKIP;
    private volatile long maxImagePixels = MaxImagePixels.DEFAULT;

    /** Scanned PDFs are read through OCR when the OCR bundle is there; without it they get no text. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OcrService ocr;

    /** PDFs with text get their PDF/A archive copy here (skip mode); without it, they get none. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PdfArchiver archiver;

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        mode = OcrMode.from(properties, System::getenv);
        maxImagePixels = MaxImagePixels.from(properties, System::getenv);
    }

    @Deactivate
    void deactivate() {
        archivePool.shutdown();
    }

    @Override
    public ParsedDocument parse(Path file, String mimeType) throws ParseException {
        String name = file.getFileName().toString();
        requirePdfHeader(file, name);
        try (PDDocument document = load(file)) {
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new ParseException("The PDF " + name + " has no pages; it is probably damaged or truncated");
            }
            if (pages > MAX_PAGES) {
                throw new ParseException("The PDF " + name + " has " + pages + " pages; more than "
                        + MAX_PAGES + " are not read");
            }
            InflationGuard.check(document, name, maxImagePixels);
            String text = extractText(document);
            Future<Path> copy = mode == OcrMode.SKIP && !mode.ocr(text) ? archiveOf(file, pages, name) : null;
            byte[] thumbnail;
            try {
                thumbnail = thumbnails.renderFirstPage(document, name);
            } catch (IOException | ParseException | RuntimeException e) {
                if (copy != null) {
                    TextPdfArchive.discard(copy);
                }
                throw e;
            }
            Path archive = copy == null ? null : TextPdfArchive.await(copy);
            OcrService service = ocr;
            if (mode.ocr(text)) {
                if (service == null) {
                    LOG.warn("{} has no text layer and OCR is not available: it is stored without text", name);
                } else {
                    ScannedPdfOcr.Result read = ScannedPdfOcr.run(document, service, name);
                    text = read.text();
                    archive = read.archive();
                }
            }
            LOG.debug("Parsed {}: {} pages, {} characters", name, pages, text.length());
            return new ParsedDocument(text, pages, metadataDate(document.getDocumentInformation()), thumbnail, archive);
        } catch (InvalidPasswordException e) {
            LOG.warn("{}: {}", name, ENCRYPTED_MESSAGE);
            throw new ParseException(ENCRYPTED_MESSAGE, e);
        } catch (IOException | RuntimeException e) {
            // PDFBox reports malformed input through both; neither is a bug of ours, so no stack trace.
            LOG.warn("Cannot read {} as a PDF: {}", name, e.toString());
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new ParseException("The PDF " + name + " is damaged or truncated and cannot be read: " + reason, e);
        }
    }

    /** The archive copy of a PDF with text, started in the background; null without an archiver. */
    private Future<Path> archiveOf(Path file, int pages, String name) {
        PdfArchiver service = archiver;
        if (service == null) {
            LOG.debug("{} gets no archive copy: no PDF/A archiver is installed", name);
            return null;
        }
        return TextPdfArchive.start(archivePool, file, service, pages, name);
    }

    /** Gives a file that is something else (a renamed JPEG, say) a plain answer instead of a parser error. */
    private static void requirePdfHeader(Path file, String name) throws ParseException {
        byte[] head = new byte[HEADER_WINDOW];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new ParseException("Cannot read " + name + ": " + e.getMessage(), e);
        }
        if (!new String(head, 0, read, StandardCharsets.ISO_8859_1).contains("%PDF-")) {
            LOG.warn("{} is not a PDF: no %PDF- header", name);
            throw new ParseException("The file " + name + " is not a PDF: it has no %PDF- header");
        }
    }

    private static PDDocument load(Path file) throws IOException {
        // Empty password: opens files that only carry an owner password (restrictions), fails for the rest.
        return Loader.loadPDF(file.toFile(), "", MemoryUsageSetting.setupMixed(MAX_MAIN_MEMORY).streamCache);
    }

    private static String extractText(PDDocument document) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper.getText(document);
    }

    /** The creation date, else the modification date, as the PDF's writer saw the calendar day. */
    static LocalDate metadataDate(PDDocumentInformation info) {
        if (info == null) {
            return null;
        }
        Calendar date = info.getCreationDate() != null ? info.getCreationDate() : info.getModificationDate();
        return date == null ? null : date.toInstant().atZone(date.getTimeZone().toZoneId()).toLocalDate();
    }
}
