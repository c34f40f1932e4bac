package org.paperless.bench.corpus;

/** The twelve document types, with the labels a German or English sender prints as the heading. */
public enum DocumentType {
    INVOICE("invoice", "Rechnung", "Invoice", true),
    REMINDER("reminder", "Zahlungserinnerung", "Payment reminder", true),
    CONTRACT("contract", "Vertrag", "Contract", true),
    TAX_ASSESSMENT("tax-assessment", "Steuerbescheid", "Tax assessment", true),
    PAYSLIP("payslip", "Gehaltsabrechnung", "Payslip", true),
    BANK_STATEMENT("bank-statement", "Kontoauszug", "Bank statement", true),
    INSURANCE_POLICY("insurance-policy", "Versicherungsschein", "Insurance policy", true),
    LETTER("letter", "Schreiben", "Letter", false),
    RECEIPT("receipt", "Kassenbeleg", "Receipt", true),
    DELIVERY_NOTE("delivery-note", "Lieferschein", "Delivery note", false),
    OFFER("offer", "Angebot", "Quotation", true),
    CERTIFICATE("certificate", "Bescheinigung", "Certificate", false);

    /** Used in file names and the ground truth, so it never changes once published. */
    public final String slug;
    final String de;
    final String en;
    /** Whether the document states one main amount (letters and certificates usually do not). */
    final boolean hasAmount;

    DocumentType(String slug, String de, String en, boolean hasAmount) {
        this.slug = slug;
        this.de = de;
        this.en = en;
        this.hasAmount = hasAmount;
    }

    String label(boolean german) {
        return german ? de : en;
    }
}
