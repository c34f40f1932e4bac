package org.paperless.parser.pdf.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.paperless.api.archive.PdfArchiver;
import org.paperless.api.ocr.OcrConfig;
import org.paperless.api.ocr.OcrService;
import org.paperless.api.runtime.AwaitedService;
import org.paperless.api.runtime.ServiceMissingException;
import org.paperless.api.runtime.ServiceWait;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a PDF's text layer, page count, creation date and a thumbnail of page 1 with PDFBox. */
@Component(service = DocumentParser.class, property = DocumentParser.MIME_TYPES + "=application/pdf",
        configurationPid = OcrConfig.PID)
public class PdfDocumentParser implements DocumentParser {

    static final String ENCRYPTED_MESSAGE =
            "The PDF is encrypted with a password; remove the password and consume it again";
    /** Beyond this many pages a file is more likely an attack or a mistake than a document. */
    static final int MAX_PAGES = 10_000;
    /** PDFBox keeps up to 64 MB of a document's new streams in memory, the rest in temp files. */
    private static final StreamCacheCreateFunction STREAM_CACHE =
            MemoryUsageSetting.setupMixed(64L * 1024 * 1024).streamCache;
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
    private volatile PdfLimits limits = PdfLimits.DEFAULT;

    /**
     * Scanned PDFs are read through OCR when the OCR bundle is installed; without it they get no text. While
     * it restarts, they wait for it.
     */
    private final AwaitedService<OcrService> ocr = new AwaitedService<>("OCR (org.paperless.ocr.tesseract)");

    /** PDFs with text get their PDF/A archive copy here (skip mode); without it, they get none. */
    private final AwaitedService<PdfArchiver> archiver = new AwaitedService<>("PDF/A archiving (org.paperless.archive.pdfa)");

    public PdfDocumentParser() {
    }

    /** With other limits and an OCR service of its own, as tests need them. */
    PdfDocumentParser(PdfLimits limits, OcrService ocr) {
        this.limits = limits;
        this.ocr.bind(ocr);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindOcr")
    void bindOcr(OcrService service) {
        ocr.bind(service);
    }

    void unbindOcr(OcrService service) {
        ocr.unbind(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindArchiver")
    void bindArchiver(PdfArchiver service) {
        archiver.bind(service);
    }

    void unbindArchiver(PdfArchiver service) {
        archiver.unbind(service);
    }

    @Activate
    @Modified
    void configure(OcrConfig config) {
        mode = OcrMode.from(config, System::getenv);
        limits = limits.withMaxImagePixels(MaxImagePixels.from(config, System::getenv));
    }

    @Deactivate
    void deactivate() {
        ocr.close();
        archiver.close();
        archivePool.shutdown();
    }

    @Override
    public ParsedDocument parse(Path file, String mimeType) throws ParseException {
        String name = file.getFileName().toString();
        requirePdfHeader(file, name);
        PdfLimits current = limits;
        try (InflationGuard guard = new InflationGuard(name, current);
                PDDocument document = GuardedPdfParser.load(file, STREAM_CACHE, guard)) {
            guard.throwIfRefused();
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new ParseException("The PDF " + name + " has no pages; it is probably damaged or truncated");
            }
            if (pages > MAX_PAGES) {
                throw new ParseException("The PDF " + name + " has " + pages + " pages; more than "
                        + MAX_PAGES + " are not read");
            }
            guard.checkAll(document);
            return read(file, document, pages, name, current);
        } catch (PdfRefusedException e) {
            LOG.warn("{}", e.getMessage());
            throw new ParseException(e.getMessage(), e);
        } catch (InvalidPasswordException e) {
            LOG.warn("{}: {}", name, ENCRYPTED_MESSAGE);
            throw new ParseException(ENCRYPTED_MESSAGE, e);
        } catch (IOException | RuntimeException e) {
            // PDFBox reports malformed input through both; neither is a bug of ours, so no stack trace.
            LOG.warn("Cannot read {} as a PDF: {}", name, e.toString());
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new ParseException("The PDF " + name + " is damaged or truncated and cannot be read: " + reason, e);
        } catch (StackOverflowError e) {
            // Objects, forms, patterns or glyphs that contain themselves, or nest thousands deep.
            LOG.warn("Cannot read {}: its structure is nested too deeply", name);
            throw new ParseException("The PDF " + name + " is nested too deeply to be read (objects that contain"
                    + " themselves, or thousands of levels deep); it is probably damaged or made to harm", e);
        }
    }

    /** Page 1 drawn, without text, OCR or archive copy: for making thumbnails again. */
    @Override
    public byte[] thumbnail(Path file, String mimeType) throws ParseException {
        String name = file.getFileName().toString();
        requirePdfHeader(file, name);
        PdfLimits current = limits;
        try (InflationGuard guard = new InflationGuard(name, current);
                PDDocument document = GuardedPdfParser.load(file, STREAM_CACHE, guard)) {
            guard.throwIfRefused();
            if (document.getNumberOfPages() == 0) {
                throw new ParseException("The PDF " + name + " has no pages; it is probably damaged or truncated");
            }
            guard.checkAll(document);
            return thumbnails.renderFirstPage(document, name, current);
        } catch (PdfRefusedException e) {
            throw new ParseException(e.getMessage(), e);
        } catch (InvalidPasswordException e) {
            throw new ParseException(ENCRYPTED_MESSAGE, e);
        } catch (IOException | RuntimeException e) {
            throw new ParseException("The PDF " + name + " is damaged or truncated and cannot be read: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new ParseException("The PDF " + name + " is nested too deeply to be read", e);
        }
    }

    private ParsedDocument read(Path file, PDDocument document, int pages, String name, PdfLimits current)
            throws IOException, ParseException {
        String text = BoundedTextStripper.text(document, name);
        Future<Path> copy = mode == OcrMode.SKIP && !mode.ocr(text) ? archiveOf(file, pages, name) : null;
        byte[] thumbnail;
        try {
            thumbnail = thumbnails.renderFirstPage(document, name, current);
        } catch (IOException | RuntimeException | Error e) { // a StackOverflowError too: no copy left behind
            if (copy != null) {
                TextPdfArchive.discard(copy);
            }
            throw e;
        }
        Path archive = copy == null ? null : TextPdfArchive.await(copy);
        if (mode.ocr(text)) {
            if (ocr.now() == null && !ocr.isAway()) {
                LOG.warn("{} has no text layer and OCR is not installed: it is stored without text", name);
            } else {
                ScannedPdfOcr.Result read = ScannedPdfOcr.run(document, this::recognize, name, current);
                text = read.text();
                archive = read.archive();
            }
        }
        LOG.debug("Parsed {}: {} pages, {} characters", name, pages, text.length());
        return new ParsedDocument(text, pages, metadataDate(document.getDocumentInformation()), thumbnail, archive);
    }

    /** The pages through OCR, waiting for it while its bundle restarts and reading again if it went away meanwhile. */
    private List<String> recognize(List<Path> images, int dpi, Path archive, String title) throws ParseException {
        try {
            return ocr.call(ServiceWait.limit(), service -> service.recognize(images, dpi, archive, title));
        } catch (ServiceMissingException e) {
            throw new ParseException(title + " needs OCR: " + e.getMessage()
                    + ". Start it again, then put the file into the consume folder again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParseException("OCR of " + title + " was interrupted: the PDF parser is stopping", e);
        }
    }

    /** The archive copy of a PDF with text, started in the background; null without an archiver. */
    private Future<Path> archiveOf(Path file, int pages, String name) {
        if (archiver.now() == null && !archiver.isAway()) {
            LOG.debug("{} gets no archive copy: no PDF/A archiver is installed", name);
            return null;
        }
        return TextPdfArchive.start(archivePool, file, (pdf, target) -> archive(pdf, target, name), pages, name);
    }

    /** One archive copy, waiting for the archiver while its bundle restarts and writing again if it went away meanwhile. */
    private void archive(Path pdf, Path target, String name) throws ParseException, IOException {
        try {
            archiver.call(ServiceWait.limit(), service -> {
                service.archive(pdf, target);
                return null;
            });
        } catch (ServiceMissingException e) {
            // Not a reason to store the document without its copy: it fails, and is consumed again later.
            throw new IOException(name + " needs its PDF/A archive copy: " + e.getMessage()
                    + ". Start it again, then put the file into the consume folder again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("The archive copy of " + name + " was interrupted: the PDF parser is stopping", e);
        }
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

    /** The creation date, else the modification date, as the PDF's writer saw the calendar day. */
    static LocalDate metadataDate(PDDocumentInformation info) {
        if (info == null) {
            return null;
        }
        Calendar date = info.getCreationDate() != null ? info.getCreationDate() : info.getModificationDate();
        return date == null ? null : date.toInstant().atZone(date.getTimeZone().toZoneId()).toLocalDate();
    }
}
