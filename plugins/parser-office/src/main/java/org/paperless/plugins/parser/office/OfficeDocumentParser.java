package org.paperless.plugins.parser.office;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.paperless.api.archive.PdfArchiver;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Office documents: text and metadata with Tika (POI for Microsoft's formats), the PDF/A-2b archive copy and the
 * thumbnail through LibreOffice. Every file is checked before anything reads it in full: zip bombs and entity
 * declarations in zip-based formats, the kind of an OLE2 file. Without LibreOffice, documents get their text only.
 * The MIME types are the ones the consumer detects for these files (see {@link OfficeMimeTypes}).
 */
@Component(service = DocumentParser.class, configurationPid = OfficeDocumentParser.PID, property = {
        DocumentParser.MIME_TYPES + "=" + OfficeMimeTypes.OOXML,
        DocumentParser.MIME_TYPES + "=" + OfficeMimeTypes.OLE2,
        DocumentParser.MIME_TYPES + "=" + OfficeMimeTypes.ODF_TEXT,
        DocumentParser.MIME_TYPES + "=" + OfficeMimeTypes.ODF_SPREADSHEET,
        DocumentParser.MIME_TYPES + "=" + OfficeMimeTypes.ODF_PRESENTATION,
        DocumentParser.MIME_TYPES + "=" + OfficeMimeTypes.RTF})
@Designate(ocd = OfficeConfig.class)
public class OfficeDocumentParser implements DocumentParser {

    static final String PID = "org.paperless.plugins.parser.office";

    private static final Logger LOG = LoggerFactory.getLogger(OfficeDocumentParser.class);

    /** Makes the archive copy the way every other one is made, when installed; else LibreOffice's own PDF/A. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PdfArchiver archiver;

    private volatile LibreOffice office;

    public OfficeDocumentParser() {
    }

    /** With a LibreOffice and an archiver (or none) of its own, as tests need them. */
    OfficeDocumentParser(LibreOffice office, PdfArchiver archiver) {
        this.office = office;
        this.archiver = archiver;
    }

    @Activate
    @Modified
    void configure(OfficeConfig config) {
        LibreOffice configured = new LibreOffice(config.soffice(), config.timeoutSeconds(), config.processes());
        configured.executable(); // the one warning, at start, when it is missing
        office = configured;
    }

    @Override
    public ParsedDocument parse(Path file, String mimeType) throws ParseException {
        String name = file.getFileName().toString();
        OfficeText text = read(file, mimeType, name);
        Rendition copy = Rendition.of(file, text.type(), name, office, archiver);
        Integer pages = copy.pages() != null ? copy.pages() : text.pages();
        LOG.debug("Parsed {}: {}, {} characters, archive copy: {}", name, text.type(), text.text().length(),
                copy.archive() != null);
        return new ParsedDocument(text.text(), pages, text.created(), copy.thumbnail(), copy.archive());
    }

    /** Page 1 through LibreOffice, without the archiver; null without LibreOffice. */
    @Override
    public byte[] thumbnail(Path file, String mimeType) throws ParseException {
        String name = file.getFileName().toString();
        OfficeText text = read(file, mimeType, name);
        LibreOffice current = office;
        if (current.executable().isEmpty()) {
            return null;
        }
        Path pdf = current.toPdf(file, text.type(), name);
        try {
            return PdfPages.read(pdf).thumbnail();
        } catch (IOException | RuntimeException e) {
            throw new ParseException("The PDF LibreOffice made of " + name + " cannot be read back: " + e, e);
        } finally {
            Rendition.delete(pdf);
        }
    }

    /** The checks first, then Tika: nothing reads a file in full before it is known not to be a bomb. */
    private static OfficeText read(Path file, String mimeType, String name) throws ParseException {
        OfficeContainer container = OfficeContainer.of(mimeType).orElseThrow(() -> new ParseException(
                "The office document parser does not read " + mimeType + " (" + name + ")"));
        try {
            if (container.zip()) {
                ZipGuard.check(file, name);
            } else if (container == OfficeContainer.OLE2) {
                Ole2Check.check(file, name);
            }
        } catch (ParseException e) {
            LOG.warn("{}", e.getMessage());
            throw e;
        }
        return TikaReader.read(file, container, name);
    }
}
