package org.paperless.bench.corpus;

import static org.paperless.bench.corpus.DocumentType.*;

import java.util.List;

/**
 * What kind of business a correspondent is: decides which document types it sends, which tags its
 * documents tend to carry and which line items appear on its invoices, so classification has signal.
 */
enum Category {
    UTILITY(List.of(INVOICE, INVOICE, REMINDER, CONTRACT, LETTER),
            List.of("electricity", "gas", "water", "utilities", "household"),
            new String[] {"Arbeitspreis Strom", "Grundpreis Strom", "Arbeitspreis Erdgas", "Grundpreis Erdgas",
                "Trinkwasser", "Abwassergebühr", "Zählermiete"},
            new String[] {"Electricity unit charge", "Standing charge", "Gas unit charge", "Water supply",
                "Metering service", "Sewerage charge"}),
    TELECOM(List.of(INVOICE, INVOICE, CONTRACT, REMINDER, LETTER, OFFER),
            List.of("internet", "mobile", "subscription", "home-office"),
            new String[] {"MagentaZuhause L Grundgebühr", "Mobilfunk Tarif 20 GB", "Router-Miete", "Verbindungen ins Ausland",
                "Zusatzoption Datenvolumen", "Einrichtungspreis"},
            new String[] {"Broadband 500 monthly fee", "Mobile plan 30 GB", "Router rental", "International calls",
                "Data add-on", "Activation fee"}),
    INSURANCE(List.of(INSURANCE_POLICY, INSURANCE_POLICY, INVOICE, LETTER, REMINDER, CERTIFICATE),
            List.of("insurance", "car", "household", "health", "legal"),
            new String[] {"Kfz-Haftpflicht", "Teilkasko", "Hausratversicherung", "Privathaftpflicht", "Rechtsschutz"},
            new String[] {"Motor third-party liability", "Comprehensive cover", "Home contents cover",
                "Personal liability", "Legal expenses cover"}),
    TAX(List.of(TAX_ASSESSMENT, TAX_ASSESSMENT, LETTER, REMINDER, CERTIFICATE),
            List.of("tax", "income", "urgent", "home-office"),
            new String[] {"Einkommensteuer", "Solidaritätszuschlag", "Kirchensteuer", "Verspätungszuschlag"},
            new String[] {"Income tax", "Solidarity surcharge", "Church tax", "Late filing surcharge"}),
    BANK(List.of(BANK_STATEMENT, BANK_STATEMENT, BANK_STATEMENT, CONTRACT, LETTER, CERTIFICATE),
            List.of("bank", "loan", "pension", "tax"),
            new String[] {"Kontoführungsentgelt", "Girocard", "Kreditkarte Jahresgebühr", "Depotgebühr"},
            new String[] {"Account maintenance fee", "Debit card", "Credit card annual fee", "Custody fee"}),
    TRAVEL(List.of(INVOICE, RECEIPT, RECEIPT, LETTER, CONTRACT),
            List.of("rail", "travel", "subscription", "reimbursement"),
            new String[] {"Fahrkarte Flexpreis", "Sitzplatzreservierung", "BahnCard 25", "Deutschlandticket", "Fahrradkarte"},
            new String[] {"Flexible rail ticket", "Seat reservation", "Railcard", "Monthly travel pass", "Bike reservation"}),
    RETAIL(List.of(INVOICE, RECEIPT, RECEIPT, DELIVERY_NOTE, DELIVERY_NOTE, OFFER),
            List.of("electronics", "furniture", "books", "warranty", "household"),
            new String[] {"Kaffeevollautomat", "Bürostuhl ergonomisch", "USB-C Ladegerät 65 W", "Regal Eiche 80 cm",
                "Fachbuch Steuerrecht", "Schreibtischlampe LED", "Kopfhörer kabellos", "Wasserkocher Edelstahl"},
            new String[] {"Espresso machine", "Ergonomic office chair", "USB-C charger 65 W", "Oak bookshelf",
                "Paperback novel", "LED desk lamp", "Wireless headphones", "Stainless steel kettle"}),
    EMPLOYER(List.of(PAYSLIP, PAYSLIP, PAYSLIP, CONTRACT, CERTIFICATE, LETTER),
            List.of("salary", "income", "pension", "home-office"),
            new String[] {"Grundgehalt", "Urlaubsgeld", "Fahrtkostenzuschuss", "Überstundenvergütung"},
            new String[] {"Basic salary", "Holiday pay", "Travel allowance", "Overtime"}),
    HEALTH(List.of(INVOICE, INVOICE, LETTER, CERTIFICATE),
            List.of("health", "dental", "reimbursement", "tax"),
            new String[] {"Beratung GOÄ Nr. 1", "Untersuchung GOÄ Nr. 5", "Blutentnahme", "Professionelle Zahnreinigung",
                "Impfung"},
            new String[] {"Consultation", "Examination", "Blood test", "Dental hygiene", "Vaccination"}),
    HOUSING(List.of(CONTRACT, LETTER, INVOICE, REMINDER),
            List.of("rent", "utilities", "legal", "household"),
            new String[] {"Nettokaltmiete", "Betriebskostenvorauszahlung", "Heizkosten", "Stellplatz"},
            new String[] {"Base rent", "Service charge", "Heating", "Parking space"}),
    EDUCATION(List.of(CERTIFICATE, CERTIFICATE, INVOICE, LETTER, OFFER),
            List.of("education", "books", "tax", "home-office"),
            new String[] {"Kursgebühr Spanisch A2", "Lehrmaterial", "Prüfungsgebühr", "Mitgliedsbeitrag"},
            new String[] {"Course fee", "Course materials", "Exam fee", "Membership fee"});

    final List<DocumentType> types;
    final List<String> tags;
    final String[] itemsDe;
    final String[] itemsEn;

    Category(List<DocumentType> types, List<String> tags, String[] itemsDe, String[] itemsEn) {
        this.types = types;
        this.tags = tags;
        this.itemsDe = itemsDe;
        this.itemsEn = itemsEn;
    }

    String[] items(boolean german) {
        return german ? itemsDe : itemsEn;
    }
}
