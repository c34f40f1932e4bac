package org.paperless.ocr.tesseract.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.paperless.api.ocr.OcrConfig;
import org.paperless.api.ocr.OcrService;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads scanned images (PNG, JPEG, TIFF, GIF, BMP, WebP, HEIC/HEIF) with Tesseract: text of every page,
 * a thumbnail, and a searchable PDF/A-2b archive copy. Settings come from PID {@value OcrConfig#PID},
 * falling back to PAPERLESS_OCR_* variables.
 */
@Component(service = {DocumentParser.class, OcrService.class}, configurationPid = OcrConfig.PID, property = {
        DocumentParser.MIME_TYPES + "=image/png",
        DocumentParser.MIME_TYPES + "=image/jpeg",
        DocumentParser.MIME_TYPES + "=image/tiff",
        DocumentParser.MIME_TYPES + "=image/gif",
        DocumentParser.MIME_TYPES + "=image/bmp",
        DocumentParser.MIME_TYPES + "=image/webp",
        DocumentParser.MIME_TYPES + "=image/heic",
        DocumentParser.MIME_TYPES + "=image/heif" })
@Designate(ocd = OcrMetatype.class)
public class TesseractImageParser implements DocumentParser, OcrService {

    private static final Logger LOG = LoggerFactory.getLogger(TesseractImageParser.class);

    private final AtomicReference<OcrRuntime> runtime = new AtomicReference<>();
    private final HeifConverter heif = new HeifConverter("heif-convert", HeifConverter.TIME_LIMIT);

    @Activate
    void activate(OcrConfig config) {
        OcrSettings settings = OcrSettings.from(config, System::getenv);
        runtime.set(new OcrRuntime(settings));
        LOG.info("OCR ready: language {}, {} threads, tessdata {}", settings.language(), settings.threads(),
                settings.tessdataPath());
    }

    /** New settings take effect for the next document; documents in flight finish with the old ones. */
    @Modified
    void modified(OcrConfig config) {
        OcrRuntime old = runtime.getAndSet(new OcrRuntime(OcrSettings.from(config, System::getenv)));
        if (old != null) {
            old.close();
        }
    }

    @Deactivate
    void deactivate() {
        OcrRuntime old = runtime.getAndSet(null);
        if (old != null) {
            old.close();
        }
    }

    @Override
    public ParsedDocument parse(Path file, String mimeType) throws ParseException {
        return new ImageOcr(current(file.getFileName().toString()), heif).parse(file, mimeType);
    }

    @Override
    public byte[] thumbnail(Path file, String mimeType) throws ParseException {
        return new ImageOcr(current(file.getFileName().toString()), heif).thumbnail(file, mimeType);
    }

    /** The same engines serve scanned PDFs, whose pages the PDF parser renders. */
    @Override
    public List<String> recognize(List<Path> pageImages, int dpi, Path archive, String title) throws ParseException {
        return new PageOcr(current(title)).recognize(pageImages, dpi, archive, title);
    }

    private OcrRuntime current(String what) throws ParseException {
        OcrRuntime current = runtime.get();
        if (current == null) {
            throw new ParseException("OCR is stopped; consume " + what + " again when it is back");
        }
        return current;
    }
}
