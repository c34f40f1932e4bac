package org.paperless.bench.corpus;

import java.util.List;

/**
 * A sender: its name as printed, a slug for file names, a postal address, the language and currency
 * of its documents, and whether its letterhead is set in a serif face.
 */
record Correspondent(String name, String slug, List<String> address, boolean german, String currency,
                     Category category, boolean serif) {

    /** Twenty senders a household keeps paper from; fictitious addresses, familiar kinds of business. */
    static final List<Correspondent> ALL = List.of(
            de("Stadtwerke Musterstadt GmbH", "stadtwerke-musterstadt", Category.UTILITY, false,
                    "Hafenstraße 12", "12345 Musterstadt"),
            en("ACME Insurance Ltd", "acme-insurance", Category.INSURANCE, "GBP", true,
                    "14 Threadneedle Walk", "London EC2R 8AY", "United Kingdom"),
            de("Finanzamt Köln-Altstadt", "finanzamt-koeln", Category.TAX, true,
                    "Am Justizzentrum 13", "50939 Köln"),
            de("Deutsche Bahn AG", "deutsche-bahn", Category.TRAVEL, false,
                    "Europaplatz 1", "10557 Berlin"),
            de("Sparkasse Musterstadt", "sparkasse-musterstadt", Category.BANK, false,
                    "Marktplatz 3", "12345 Musterstadt"),
            de("Techniker Krankenkasse", "techniker-krankenkasse", Category.INSURANCE, false,
                    "Bramfelder Straße 140", "22305 Hamburg"),
            de("Allianz Versicherungs-AG", "allianz", Category.INSURANCE, true,
                    "Königinstraße 28", "80802 München"),
            de("Telekom Deutschland GmbH", "telekom", Category.TELECOM, false,
                    "Landgrabenweg 151", "53227 Bonn"),
            en("Northwind Traders Inc.", "northwind-traders", Category.RETAIL, "USD", false,
                    "4120 Harbor View Drive", "Seattle, WA 98121", "USA"),
            de("Möbelhaus Krüger & Söhne KG", "moebel-krueger", Category.RETAIL, true,
                    "Gewerbering 7", "33602 Bielefeld"),
            en("Contoso Consulting Ltd", "contoso-consulting", Category.EMPLOYER, "GBP", false,
                    "Unit 5, Deansgate Quay", "Manchester M3 4LZ", "United Kingdom"),
            de("Helvetia Treuhand AG", "helvetia-treuhand", Category.TAX, "CHF", true,
                    "Bahnhofstrasse 44", "8001 Zürich", "Schweiz"),
            de("Praxis Dr. med. Anna Schneider", "praxis-schneider", Category.HEALTH, true,
                    "Lindenallee 9", "12347 Musterstadt"),
            de("Hausverwaltung Becker GmbH", "hausverwaltung-becker", Category.HOUSING, false,
                    "Schillerstraße 21", "12345 Musterstadt"),
            de("Globex Maschinenbau GmbH", "globex-maschinenbau", Category.EMPLOYER, false,
                    "Industriestraße 88", "70565 Stuttgart"),
            en("Initech Software Ltd", "initech-software", Category.EMPLOYER, "EUR", false,
                    "2 Grand Canal Square", "Dublin D02 A342", "Ireland"),
            de("Volkshochschule Musterstadt", "vhs-musterstadt", Category.EDUCATION, true,
                    "Am Stadtpark 2", "12345 Musterstadt"),
            en("Blue Harbour Telecom plc", "blue-harbour-telecom", Category.TELECOM, "GBP", false,
                    "1 Riverside Way", "Bristol BS1 6AB", "United Kingdom"),
            de("Dentalpraxis Weber & Partner", "dental-weber", Category.HEALTH, false,
                    "Rosenweg 4", "12349 Musterstadt"),
            en("Evergreen Bank N.V.", "evergreen-bank", Category.BANK, "EUR", true,
                    "Keizersgracht 210", "1016 DZ Amsterdam", "Netherlands"));

    /** The town of the postal line (the second address line), without postcode: for the date line. */
    String city() {
        StringBuilder b = new StringBuilder();
        for (String token : address.get(1).split("[ ,]+")) {
            if (!token.equals(token.toUpperCase())) {
                b.append(b.length() == 0 ? "" : " ").append(token);
            }
        }
        return b.toString();
    }

    private static Correspondent de(String name, String slug, Category category, boolean serif, String... address) {
        return new Correspondent(name, slug, List.of(address), true, "EUR", category, serif);
    }

    private static Correspondent de(String name, String slug, Category category, String currency, boolean serif,
                                    String... address) {
        return new Correspondent(name, slug, List.of(address), true, currency, category, serif);
    }

    private static Correspondent en(String name, String slug, Category category, String currency, boolean serif,
                                    String... address) {
        return new Correspondent(name, slug, List.of(address), false, currency, category, serif);
    }
}
