package org.paperless.plugins.parser.office;

import java.util.Optional;

import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.microsoft.rtf.RTFParser;
import org.apache.tika.parser.odf.OpenDocumentParser;

/** The containers of office documents, by the MIME type the consumer detects (see {@link OfficeMimeTypes}). */
enum OfficeContainer {
    /** .docx, .xlsx, .pptx and their macro-enabled and template variants. */
    OOXML(OfficeMimeTypes.OOXML, true),
    /** .doc, .xls, .ppt (OLE2 compound files; also Outlook mails and others, which are refused). */
    OLE2(OfficeMimeTypes.OLE2, false),
    ODF_TEXT(OfficeMimeTypes.ODF_TEXT, true),
    ODF_SPREADSHEET(OfficeMimeTypes.ODF_SPREADSHEET, true),
    ODF_PRESENTATION(OfficeMimeTypes.ODF_PRESENTATION, true),
    RTF(OfficeMimeTypes.RTF, false);

    private final String mimeType;
    private final boolean zip;

    OfficeContainer(String mimeType, boolean zip) {
        this.mimeType = mimeType;
        this.zip = zip;
    }

    String mimeType() {
        return mimeType;
    }

    boolean zip() {
        return zip;
    }

    /** A new parser each time: Tika's parsers are cheap and keep no state we want to share. */
    Parser parser() {
        return switch (this) {
            case OOXML -> new OOXMLParser();
            case OLE2 -> new OfficeParser();
            case ODF_TEXT, ODF_SPREADSHEET, ODF_PRESENTATION -> new OpenDocumentParser();
            case RTF -> new RTFParser();
        };
    }

    static Optional<OfficeContainer> of(String mimeType) {
        for (OfficeContainer container : values()) {
            if (container.mimeType.equals(mimeType)) {
                return Optional.of(container);
            }
        }
        return Optional.empty();
    }
}
