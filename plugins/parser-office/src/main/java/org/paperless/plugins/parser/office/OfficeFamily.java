package org.paperless.plugins.parser.office;

/** Which LibreOffice application opens a document, and so which PDF export filter writes it. */
enum OfficeFamily {
    TEXT("writer_pdf_Export"),
    SPREADSHEET("calc_pdf_Export"),
    PRESENTATION("impress_pdf_Export");

    private final String pdfFilter;

    OfficeFamily(String pdfFilter) {
        this.pdfFilter = pdfFilter;
    }

    String pdfFilter() {
        return pdfFilter;
    }
}
