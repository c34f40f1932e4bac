package org.paperless.itests;

/** Names and contents of the fixtures, usable inside the container (no PDFBox types here). */
final class FixtureNames {

    static final String INVOICE_PDF = "invoice.pdf";
    static final String ENCRYPTED_PDF = "encrypted.pdf";
    static final String TRUNCATED_PDF = "truncated.pdf";
    static final String[] INVOICE_WORDS = {"Invoice", "Stadtwerke", "electricity", "Payable"};

    private FixtureNames() {
    }
}
