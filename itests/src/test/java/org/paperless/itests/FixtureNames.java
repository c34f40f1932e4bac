package org.paperless.itests;

/** Names and contents of the fixtures, usable inside the container (no PDFBox types here). */
final class FixtureNames {

    /** The newest schema migration, as paperless:status and paperless:migrate show it. */
    static final int NEWEST_SCHEMA = 9;


    static final String INVOICE_PDF = "invoice.pdf";
    static final String ENCRYPTED_PDF = "encrypted.pdf";
    static final String LETTER_PDF = "letter.pdf";
    static final String TRUNCATED_PDF = "truncated.pdf";
    static final String SCAN_PNG = "scan.png";
    static final String SCAN_JPEG = "scan.jpg";
    /** Made from scan.png by Debian's cwebp / heif-enc when they are installed; absent otherwise. */
    static final String SCAN_WEBP = "scan.webp";
    static final String SCAN_HEIC = "scan.heic";
    static final String HUGE_PNG = "huge.png";
    static final String SCANNED_PDF = "scanned.pdf";
    static final String BOMB_PDF = "bomb.pdf";
    static final String[] SCAN_LINES = {
        "Stadtwerke Musterstadt customer service",
        "Your electricity bill for March",
        "Total amount due within fourteen days",
        "Thank you for choosing renewable energy",
        "Please quote your customer number"};
    static final String[] INVOICE_WORDS = {"Invoice", "Stadtwerke", "electricity", "Payable"};

    private FixtureNames() {
    }
}
