package org.paperless.bench.corpus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The figures block of each document type: line items, payslip deductions, bank transactions.
 * Sums are computed, not invented, so totals are consistent with the items above them.
 */
final class Tables {
    /** Lines of the block and the main amount in cents (null when the type states none). */
    record Block(List<String> lines, Long amountCents) {}

    private static final String[] PAYEES_DE = {"REWE Markt", "Stadtwerke Musterstadt", "Telekom Deutschland",
        "Amazon Payments", "Bargeldauszahlung Geldautomat", "Miete Hausverwaltung Becker", "Allianz Beitrag",
        "dm-drogerie markt", "Deutsche Bahn Fernverkehr", "Rundfunkbeitrag", "Apotheke am Markt", "Tankstelle Aral"};
    private static final String[] PAYEES_EN = {"Tesco Stores", "Blue Harbour Telecom", "Council tax",
        "Cash withdrawal", "Rent standing order", "ACME Insurance premium", "Amazon Marketplace",
        "Transport for London", "Pharmacy", "Petrol station", "Coffee shop", "Book shop"};

    private final Random r;
    private final Correspondent c;
    private final boolean de;
    private final int moneyStyle;

    Tables(Random r, Correspondent c, int moneyStyle) {
        this.r = r;
        this.c = c;
        this.de = c.german();
        this.moneyStyle = moneyStyle;
    }

    String money(long cents) {
        return Formats.money(cents, c.currency(), de, moneyStyle);
    }

    Block build(DocumentType type, LocalDate created, String ref, String dateStyleRef) {
        return switch (type) {
            case INVOICE -> priced(2 + r.nextInt(5), 500, 60000, de ? "Rechnungsbetrag" : "Total amount due", false);
            case OFFER -> priced(3 + r.nextInt(6), 2000, 150000, de ? "Angebotssumme" : "Quoted total", false);
            case RECEIPT -> priced(2 + r.nextInt(9), 99, 4000, de ? "SUMME" : "TOTAL", true);
            case INSURANCE_POLICY -> priced(1 + r.nextInt(3), 3000, 60000, de ? "Jahresbeitrag" : "Annual premium", false);
            case CONTRACT -> single(900, 150000, de ? "Monatlicher Grundpreis" : "Monthly charge");
            case REMINDER -> reminder(ref, dateStyleRef);
            case PAYSLIP -> payslip();
            case BANK_STATEMENT -> statement(created);
            case TAX_ASSESSMENT -> tax();
            case DELIVERY_NOTE -> delivery();
            default -> new Block(List.of(), null);
        };
    }

    private Block priced(int count, int minCents, int maxCents, String totalLabel, boolean receipt) {
        List<String> lines = new ArrayList<>();
        String[] items = c.category().items(de);
        long net = 0;
        for (int i = 0; i < count; i++) {
            int qty = r.nextInt(4) == 0 ? 2 + r.nextInt(3) : 1;
            long unit = minCents + r.nextInt(maxCents - minCents);
            net += qty * unit;
            lines.add((i + 1) + "   " + qty + " x " + item(items, i) + "   " + money(unit)
                    + "   " + money(qty * unit));
        }
        lines.add("");
        int permille = vatPermille();
        long vat = Math.round(net * permille / 1000.0);
        String rate = (permille / 10) + (permille % 10 == 0 ? "" : (de ? "," : ".") + permille % 10) + " %";
        if (receipt) {
            lines.add(totalLabel + ": " + money(net + vat));
            lines.add((de ? "enthaltene MwSt. " : "incl. VAT ") + rate + ": " + money(vat));
        } else {
            lines.add((de ? "Nettobetrag: " : "Net amount: ") + money(net));
            lines.add((de ? "zzgl. Umsatzsteuer " : "VAT ") + rate + ": " + money(vat));
            lines.add(totalLabel + ": " + money(net + vat));
        }
        return new Block(lines, net + vat);
    }

    /** Distinct items while the list lasts (a random rotation), repeats only on long receipts. */
    private int itemOffset = -1;

    private String item(String[] items, int i) {
        if (itemOffset < 0) {
            itemOffset = r.nextInt(items.length);
        }
        return items[(itemOffset + i) % items.length];
    }

    private int vatPermille() {
        return switch (c.currency()) {
            case "CHF" -> 81;
            case "GBP" -> 200;
            case "USD" -> 65;
            default -> c.german() ? 190 : 210;
        };
    }

    private Block single(int minCents, int maxCents, String label) {
        long amount = minCents + r.nextInt(maxCents - minCents);
        return new Block(List.of(label + ": " + money(amount)), amount);
    }

    private Block reminder(String ref, String invoiceDate) {
        long open = 2000 + r.nextInt(90000);
        long fee = 500;
        List<String> lines = List.of(
                (de ? "Rechnung " : "Invoice ") + ref + (de ? " vom " : " dated ") + invoiceDate + ": " + money(open),
                (de ? "Mahngebühr: " : "Late payment fee: ") + money(fee),
                (de ? "Offener Betrag: " : "Outstanding balance: ") + money(open + fee));
        return new Block(lines, open + fee);
    }

    private Block payslip() {
        long gross = 180000 + r.nextInt(570000);
        List<String> lines = new ArrayList<>();
        lines.add((de ? "Bruttogehalt: " : "Gross pay: ") + money(gross));
        String[][] deductions = de
                ? new String[][] {{"Lohnsteuer", "165"}, {"Solidaritätszuschlag", "0"}, {"Kirchensteuer", "13"},
                    {"Krankenversicherung", "85"}, {"Rentenversicherung", "93"}, {"Arbeitslosenversicherung", "13"},
                    {"Pflegeversicherung", "17"}}
                : new String[][] {{"Income tax", "180"}, {"National Insurance", "80"}, {"Pension contribution", "50"},
                    {"Student loan", "0"}};
        long net = gross;
        for (String[] d : deductions) {
            long cut = gross * Integer.parseInt(d[1]) / 1000;
            net -= cut;
            lines.add(d[0] + ": -" + money(cut).replace("-", ""));
        }
        lines.add((de ? "Auszahlungsbetrag: " : "Net pay: ") + money(net));
        return new Block(lines, net);
    }

    private Block statement(LocalDate created) {
        long balance = r.nextInt(800000) - 50000;
        List<String> lines = new ArrayList<>();
        lines.add((de ? "Alter Kontostand: " : "Opening balance: ") + money(balance));
        String[] payees = de ? PAYEES_DE : PAYEES_EN;
        int n = 6 + r.nextInt(30);
        LocalDate day = created.minusDays(30);
        for (int i = 0; i < n; i++) {
            day = day.plusDays(r.nextInt(2));
            boolean credit = r.nextInt(6) == 0;
            long amount = credit ? 5000 + r.nextInt(300000) : -(200 + r.nextInt(40000));
            balance += amount;
            String when = Formats.two(day.getDayOfMonth()) + (de ? "." : "/") + Formats.two(day.getMonthValue());
            String text = credit ? (de ? "Gutschrift " : "Credit ") + payees[r.nextInt(payees.length)]
                    : (de ? "Lastschrift " : "Debit ") + payees[r.nextInt(payees.length)];
            lines.add(when + "   " + text + "   " + money(amount));
        }
        lines.add((de ? "Neuer Kontostand: " : "Closing balance: ") + money(balance));
        return new Block(lines, balance);
    }

    private Block tax() {
        long income = 2500000 + r.nextInt(6000000);
        long taxable = income - 100000 - r.nextInt(400000);
        long assessed = taxable * (18 + r.nextInt(10)) / 100;
        long refund = 5000 + r.nextInt(300000);
        List<String> lines = List.of(
                (de ? "Einkünfte aus nichtselbständiger Arbeit: " : "Employment income: ") + money(income),
                (de ? "Zu versteuerndes Einkommen: " : "Taxable income: ") + money(taxable),
                (de ? "Festgesetzte Einkommensteuer: " : "Tax due: ") + money(assessed),
                (de ? "Bereits einbehaltene Lohnsteuer: " : "Tax already paid: ") + money(assessed + refund),
                (de ? "Erstattungsbetrag: " : "Amount refunded: ") + money(refund));
        return new Block(lines, refund);
    }

    private Block delivery() {
        List<String> lines = new ArrayList<>();
        String[] items = c.category().items(de);
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            lines.add((de ? "Pos. " : "Item ") + (i + 1) + (de ? "   Art.-Nr. " : "   SKU ") + (100000 + r.nextInt(900000))
                    + "   " + (1 + r.nextInt(4)) + " x " + item(items, i));
        }
        return new Block(lines, null);
    }
}
