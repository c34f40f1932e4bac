package org.paperless.plugins.parser.office;

/**
 * The MIME types the consumer gives office documents: Tika's magic bytes see the container (a zip, an OLE2
 * compound file) rather than what is inside it, so .docx, .xlsx and .pptx all arrive as one type, and .doc,
 * .xls and .ppt as another. Constants, because the component's service properties name them.
 */
final class OfficeMimeTypes {

    static final String OOXML = "application/x-tika-ooxml";
    static final String OLE2 = "application/x-tika-msoffice";
    static final String ODF_TEXT = "application/vnd.oasis.opendocument.text";
    static final String ODF_SPREADSHEET = "application/vnd.oasis.opendocument.spreadsheet";
    static final String ODF_PRESENTATION = "application/vnd.oasis.opendocument.presentation";
    static final String RTF = "application/rtf";

    private OfficeMimeTypes() {
    }
}
