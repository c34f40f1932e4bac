package org.paperless.bench.corpus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Composes one document from a seed: letterhead, recipient, date, references, title, body paragraphs
 * from the type's templates and the tags' sentences, the figures block, boilerplate up to the chosen
 * page count, closing and a footer per page. Everything is drawn from one {@link Random}, so the
 * document depends on nothing but its seed.
 */
final class TextComposer {
    /** Characters per line: fits Helvetica 10 pt on A4 and a 23 px serif at 150 dpi. */
    static final int WIDTH = 86;
    /** Content lines per page, footer excluded. */
    static final int LINES_PER_PAGE = 46;

    private static final LocalDate FIRST = LocalDate.of(2015, 1, 1);
    private static final int DAYS = (int) (LocalDate.of(2025, 12, 31).toEpochDay() - FIRST.toEpochDay()) + 1;
    private static final String[][] HOUSEHOLD = {{"Frau", "Ms", "Erika", "Musterfrau"},
        {"Herr", "Mr", "Max", "Mustermann"}, {"Frau", "Ms", "Lena", "Mustermann"}};
    private static final String STREET = "Lindenstraße 5";
    private static final String[] CITIES_DE = {"Musterstadt", "Köln", "Berlin", "Hamburg", "München",
        "Frankfurt am Main", "Leipzig", "Düsseldorf", "Nürnberg", "Bremen"};
    private static final String[] CITIES_EN = {"London", "Manchester", "Dublin", "Amsterdam", "Edinburgh", "Bristol",
        "Leeds", "Seattle"};
    private static final String[] CONTACTS_DE = {"Frau Petra Lange", "Herr Thomas Brandt", "Frau Aylin Demir",
        "Herr Stefan Koch", "Frau Jana Nowak", "Herr Mehmet Yilmaz"};
    private static final String[] CONTACTS_EN = {"Sarah Mitchell", "David Okafor", "Priya Patel", "Tom Hughes",
        "Fiona Byrne", "Daniel Reyes"};
    private static final String[] PREFIX_DE = {"RE", "MA", "VN", "StNr", "PN", "KA", "VS", "AZ", "BON", "LS", "AN", "BS"};
    private static final String[] PREFIX_EN = {"INV", "REM", "AGR", "UTR", "PAY", "ST", "POL", "REF", "RCP", "DN", "QUO", "CRT"};

    private final Random r;
    private Correspondent c;
    private boolean de;
    private LocalDate created;
    private int dateStyle;
    private String[] person;
    private String customer;
    private String docNo;
    private String iban;
    private Tables tables;

    private TextComposer(Random r) {
        this.r = r;
    }

    static GeneratedDocument compose(long seed, int index) {
        return new TextComposer(new Random(seed)).build(index);
    }

    private GeneratedDocument build(int index) {
        c = Correspondent.ALL.get(r.nextInt(Correspondent.ALL.size()));
        de = c.german();
        DocumentType type = c.category().types.get(r.nextInt(c.category().types.size()));
        created = FIRST.plusDays(r.nextInt(DAYS));
        dateStyle = r.nextInt(Formats.dateStyles(de));
        int moneyStyle = r.nextInt(2);
        person = HOUSEHOLD[r.nextInt(HOUSEHOLD.length)];
        customer = de ? String.valueOf(4_000_000_000L + r.nextInt(999_999_999)) : "C-" + (100000 + r.nextInt(900000));
        docNo = (de ? PREFIX_DE : PREFIX_EN)[type.ordinal()] + "-" + created.getYear() + "-" + (100000 + r.nextInt(900000));
        iban = iban();
        tables = new Tables(r, c, moneyStyle);
        List<String> tags = tags(type);
        int wantedPages = r.nextInt(100) < 55 ? 1 : r.nextInt(100) < 65 ? 2 : 3;

        String title = title(type);
        List<String> lines = new ArrayList<>(header(type, title));
        List<String> body = new ArrayList<>(List.of(Phrases.body(type, de)));
        String opening = body.remove(0);
        Collections.shuffle(body, r);
        List<String> tagSentences = new ArrayList<>();
        for (String tag : tags) {
            String[] s = de ? Tags.ALL.get(tag).de() : Tags.ALL.get(tag).en();
            tagSentences.add(s[r.nextInt(s.length)]);
        }
        paragraph(lines, salutation(type) == null ? capitalise(opening) : (de ? opening : capitalise(opening)),
                pop(body), pop(tagSentences));
        paragraph(lines, pop(body), pop(tagSentences), pop(body));
        Tables.Block block = tables.build(type, created, prefixRef(), date(created.minusDays(30 + r.nextInt(30))));
        if (!block.lines().isEmpty()) {
            lines.add("");
            lines.addAll(block.lines());
        }
        while (!tagSentences.isEmpty() || !body.isEmpty()) {
            paragraph(lines, pop(body), pop(tagSentences), pop(body));
        }
        List<String> closing = closing();
        // The last page is at least well filled: a few hundred words even for one-page documents.
        int target = (wantedPages - 1) * LINES_PER_PAGE + 30 + r.nextInt(LINES_PER_PAGE - 30 - closing.size());
        fill(lines, type, target - closing.size());
        lines.addAll(closing);
        List<List<String>> pages = paginate(lines);

        String amount = block.amountCents() == null ? null : tables.money(block.amountCents());
        BigDecimal value = block.amountCents() == null ? null : BigDecimal.valueOf(block.amountCents(), 2);
        String base = created + "_" + c.slug() + "_" + type.slug + "_" + String.format("%06d", index);
        return new GeneratedDocument(index, base, c.name(), c.slug(), type.slug, tags, created, title, amount, value,
                c.currency(), customer, docNo, c.serif(), pages);
    }

    private List<String> tags(DocumentType type) {
        Set<String> tags = new LinkedHashSet<>();
        switch (type) {
            case REMINDER -> tags.add("urgent");
            case PAYSLIP -> tags.add("salary");
            case TAX_ASSESSMENT -> tags.add("tax");
            case BANK_STATEMENT -> tags.add("bank");
            case INSURANCE_POLICY -> tags.add("insurance");
            case CONTRACT -> tags.add("legal");
            case RECEIPT -> tags.add("warranty");
            default -> { }
        }
        List<String> pool = c.category().tags;
        int extra = 1 + r.nextInt(3);
        for (int i = 0; i < extra; i++) {
            tags.add(pool.get(r.nextInt(pool.size())));
        }
        return List.copyOf(tags);
    }

    private String title(DocumentType type) {
        String label = type.label(de);
        return switch (type) {
            case PAYSLIP -> label + " " + Formats.month(created, de) + " " + created.getYear();
            case BANK_STATEMENT -> label + " " + Formats.two(created.getMonthValue()) + "/" + created.getYear()
                    + (de ? " Nr. " : " no. ") + (1 + r.nextInt(12));
            case TAX_ASSESSMENT -> de ? "Bescheid für " + (created.getYear() - 1) + " über Einkommensteuer"
                    : "Tax calculation for the year " + (created.getYear() - 1);
            case CERTIFICATE -> label + (de ? " für das Jahr " : " for the year ") + (created.getYear() - 1);
            case LETTER -> de ? "Ihr Kundenkonto " + customer : "Your account " + customer;
            case REMINDER -> label + (de ? " zur Rechnung " : " for invoice ") + prefixRef();
            default -> label + (de ? " Nr. " : " no. ") + docNo;
        };
    }

    /** Reference of the earlier invoice a reminder is about: stable per document. */
    private String prefixRef() {
        return (de ? "RE-" : "INV-") + created.getYear() + "-" + docNo.substring(docNo.length() - 6);
    }

    private List<String> header(DocumentType type, String title) {
        List<String> h = new ArrayList<>();
        h.add(c.name());
        h.add(clean(c.name() + " · " + String.join(" · ", c.address())));
        h.add("");
        h.add(de ? person[0] + " " + person[2] + " " + person[3] : person[1] + " " + person[2] + " " + person[3]);
        h.add(STREET);
        h.add("12345 Musterstadt");
        if (!de || !"EUR".equals(c.currency())) {
            h.add(de ? "Deutschland" : "Germany");
        }
        h.add("");
        h.add(c.city() + ", " + date(created));
        h.add((de ? "Kundennummer: " : "Customer no.: ") + customer);
        h.add((type == DocumentType.INVOICE ? (de ? "Rechnungsnummer: " : "Invoice no.: ")
                : (de ? "Unser Zeichen: " : "Our reference: ")) + docNo);
        h.add("");
        h.add(title);
        h.add("");
        String salutation = salutation(type);
        if (salutation != null) {
            h.add(salutation);
        }
        return h;
    }

    /** Receipts and statements are forms, not letters: no salutation. */
    private String salutation(DocumentType type) {
        if (type == DocumentType.RECEIPT || type == DocumentType.BANK_STATEMENT) {
            return null;
        }
        return de ? ("Frau".equals(person[0]) ? "Sehr geehrte Frau " : "Sehr geehrter Herr ") + person[3] + ","
                : "Dear " + person[1] + " " + person[3] + ",";
    }

    private List<String> closing() {
        String contact = pick(de ? CONTACTS_DE : CONTACTS_EN);
        return List.of("", de ? "Mit freundlichen Grüßen" : "Yours sincerely", "", c.name(),
                de ? contact : contact.replaceFirst("^(Frau|Herr) ", ""));
    }

    /** Pads with boilerplate (or numbered clauses for contracts and policies) up to the target line count. */
    private void fill(List<String> lines, DocumentType type, int target) {
        boolean clauses = type == DocumentType.CONTRACT || type == DocumentType.INSURANCE_POLICY;
        List<String> pool = new ArrayList<>();
        int clause = 0;
        while (lines.size() < target) {
            if (pool.isEmpty()) {
                pool.addAll(List.of(clauses ? Phrases.clauses(de) : Phrases.filler(de)));
                Collections.shuffle(pool, r);
            }
            String next = pool.remove(pool.size() - 1);
            if (clauses) {
                next = next.replace("{n1}", String.valueOf(++clause));
            }
            List<String> para = new ArrayList<>();
            paragraph(para, next, clauses ? null : pool.isEmpty() ? null : pool.remove(pool.size() - 1), null);
            if (lines.size() + para.size() > target + 2) {
                break;
            }
            lines.addAll(para);
        }
    }

    private void paragraph(List<String> out, String... sentences) {
        StringBuilder text = new StringBuilder();
        for (String s : sentences) {
            if (s != null) {
                text.append(text.length() == 0 ? "" : " ").append(fill(s));
            }
        }
        if (text.length() > 0) {
            out.add("");
            wrap(clean(text.toString()), out);
        }
    }

    static void wrap(String text, List<String> out) {
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
    }

    /** Splits into pages and appends a footer line to each, with page x of n. */
    private List<List<String>> paginate(List<String> lines) {
        int n = (lines.size() + LINES_PER_PAGE - 1) / LINES_PER_PAGE;
        List<List<String>> pages = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            List<String> page = new ArrayList<>(lines.subList(p * LINES_PER_PAGE,
                    Math.min(lines.size(), (p + 1) * LINES_PER_PAGE)));
            page.add(clean(c.name() + " · IBAN " + iban + " · " + (de ? "Seite " : "Page ") + (p + 1)
                    + (de ? " von " : " of ") + n));
            pages.add(List.copyOf(page));
        }
        return List.copyOf(pages);
    }

    /** Replaces each {slot}; values are drawn afresh per occurrence so repeated slots vary. */
    private String fill(String template) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                b.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            b.append(template, i, open).append(slot(template.substring(open + 1, close)));
            i = close + 1;
        }
        return b.toString();
    }

    private String slot(String key) {
        return switch (key) {
            case "date" -> date(created);
            case "date2" -> date(created.minusDays(5 + r.nextInt(200)));
            case "due" -> date(created.plusDays(14 + r.nextInt(17)));
            case "period" -> Formats.month(created.minusMonths(1), de) + " " + created.minusMonths(1).getYear();
            case "year" -> String.valueOf(created.getYear() - 1);
            case "year2" -> String.valueOf(created.getYear() + 3 + r.nextInt(8));
            case "amount2" -> tables.money(10000 + r.nextInt(2_000_000));
            case "customer" -> customer;
            case "docno" -> docNo;
            case "iban" -> iban;
            case "policy" -> (de ? "VS-" : "POL") + (10_000_000 + r.nextInt(90_000_000));
            case "taxno" -> de ? "217/" + (1000 + r.nextInt(9000)) + "/" + (1000 + r.nextInt(9000))
                    : (1000 + r.nextInt(9000)) + " " + (10000 + r.nextInt(90000));
            case "name" -> person[2] + " " + person[3];
            case "company" -> c.name();
            case "city" -> pick(de ? CITIES_DE : CITIES_EN);
            case "street" -> STREET;
            case "contact" -> pick(de ? CONTACTS_DE : CONTACTS_EN);
            case "host" -> c.slug().replace("-", "");
            case "plate" -> (char) ('A' + r.nextInt(26)) + "" + (char) ('A' + r.nextInt(26)) + " " + (10 + r.nextInt(990));
            case "n1" -> String.valueOf(2 + r.nextInt(5));
            case "n2" -> String.valueOf(10 + r.nextInt(90));
            case "n3" -> String.valueOf(100 + r.nextInt(900));
            case "n4" -> String.valueOf(1000 + r.nextInt(9000));
            case "kwh" -> String.valueOf(800 + r.nextInt(5200));
            case "meter" -> String.valueOf(10000 + r.nextInt(90000));
            default -> throw new IllegalArgumentException("unknown slot {" + key + "}");
        };
    }

    private String date(LocalDate d) {
        return Formats.date(d, de, dateStyle);
    }

    private String iban() {
        StringBuilder b = new StringBuilder(de ? "DE" : "GB").append(Formats.two(10 + r.nextInt(90)));
        for (int i = 0; i < 4; i++) {
            b.append(' ').append(1000 + r.nextInt(9000));
        }
        return b.append(' ').append(10 + r.nextInt(90)).toString();
    }

    private String pick(String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String pop(List<String> list) {
        return list.isEmpty() ? null : list.remove(list.size() - 1);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String clean(String s) {
        return WinAnsi.clean(s);
    }
}
