package org.paperless.index.lucene.internal.duplicates;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generated contents of a household's paper, as OCR reads it: letters, invoices and statements from a few
 * dozen senders, each kind written from the sender's template (so unrelated letters of one sender are
 * already fairly alike), and near-duplicate variants of earlier documents: words changed, a line added, OCR
 * noise, paragraphs reordered or dropped, a page added. Deterministic for a seed.
 */
final class LetterCorpus {

    private static final String[] FIRST = {"Anna", "Peter", "Maria", "Thomas", "Julia", "Michael", "Laura", "Stefan",
        "Sarah", "Jan", "Claudia", "Markus", "Eva", "Tobias", "Nina", "Lukas", "Sophie", "Daniel", "Lea", "Felix"};
    private static final String[] LAST = {"Schmidt", "Meyer", "Weber", "Wagner", "Becker", "Hoffmann", "Koch",
        "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hartmann", "Lange",
        "Werner", "Krause", "Lehmann"};
    private static final String[] STREETS = {"Hauptstraße", "Bahnhofstraße", "Gartenweg", "Lindenallee", "Schulstraße",
        "Kirchplatz", "Bergstraße", "Am Markt", "Ringstraße", "Mühlenweg", "Rosenstraße", "Feldweg"};
    private static final String[] CITIES = {"10115 Berlin", "20095 Hamburg", "50667 Köln", "80331 München",
        "60311 Frankfurt am Main", "70173 Stuttgart", "04109 Leipzig", "28195 Bremen", "01067 Dresden", "90402 Nürnberg"};
    private static final String[] SENDER_PART = {"Stadtwerke", "Nordbank", "Allgemeine", "Rhein", "Elbe", "Süd",
        "Hanse", "Kraft", "Medi", "Versa", "Tele", "Auto", "Haus", "Grün", "Blau", "Vita", "Kontor", "Union"};
    private static final String[] SENDER_KIND = {"Energie GmbH", "Versicherung AG", "Bank eG", "Kommunikation GmbH",
        "Praxis Dr. med.", "Wohnungsbau eG", "Steuerberatung", "Autohaus GmbH", "Finanzamt", "Krankenkasse"};
    private static final String[] NOUNS = {"invoice", "contract", "account", "payment", "statement", "policy",
        "meter", "reading", "period", "amount", "balance", "customer", "tariff", "premium", "claim", "appointment",
        "vehicle", "service", "repair", "deposit", "transfer", "reminder", "notice", "assessment", "refund", "rate",
        "consumption", "delivery", "order", "document", "form", "signature", "office", "department", "agreement",
        "insurance", "coverage", "discount", "fee", "charge", "interest", "loan", "mortgage", "pension", "salary",
        "employer", "tenant", "landlord", "apartment", "heating", "water", "electricity", "gas", "internet", "phone"};
    private static final String[] VERBS = {"review", "confirm", "adjust", "receive", "send", "process", "update",
        "cancel", "renew", "calculate", "credit", "debit", "inform", "request", "submit", "approve", "extend",
        "reduce", "increase", "check", "transfer", "settle", "schedule", "register", "notify"};
    private static final String[] ADJECTIVES = {"new", "current", "annual", "monthly", "outstanding", "final",
        "revised", "additional", "previous", "remaining", "total", "reduced", "higher", "lower", "quarterly",
        "personal", "necessary", "following", "attached", "enclosed"};
    private static final String[] KINDS = {"Invoice", "Reminder", "Statement", "Policy change", "Appointment",
        "Tax assessment", "Payslip", "Contract", "Meter reading", "Confirmation"};
    private static final String[] CLOSINGS = {"Kind regards", "Yours sincerely", "Best regards",
        "Mit freundlichen Grüßen", "Sincerely"};

    private final Random random;
    private final List<Sender> senders = new ArrayList<>();

    /** One sender's look: its letterhead, footer and the sentences its letters are built from, per kind. */
    private record Sender(String head, String footer, List<List<String>> templates, List<String> kinds) {
    }

    LetterCorpus(long seed) {
        this.random = new Random(seed);
        for (int i = 0; i < 40; i++) {
            senders.add(sender());
        }
    }

    /** {@code count} contents; about a quarter are variants of earlier ones, a few are tiny, blank or only punctuation. */
    List<String> generate(int count) {
        List<String> contents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int dice = random.nextInt(1000);
            if (dice < 3) {
                contents.add(random.nextBoolean() ? "" : " \n\t ");
            } else if (dice < 6) {
                contents.add(random.nextBoolean() ? "- - -" : "... | ...");
            } else if (dice < 60) {
                contents.add(receipt());
            } else if (dice < 80) {
                contents.add(report());
            } else if (dice < 330 && !contents.isEmpty()) {
                contents.add(variant(contents.get(recentIndex(contents.size()))));
            } else {
                contents.add(letter());
            }
        }
        return contents;
    }

    /** Duplicates are mostly scanned again soon after the first, sometimes much later. */
    private int recentIndex(int size) {
        int back = random.nextInt(4) == 0 ? random.nextInt(size) : random.nextInt(Math.min(size, 50));
        return size - 1 - back;
    }

    private Sender sender() {
        String name = pick(SENDER_PART) + pick(SENDER_PART).toLowerCase() + " " + pick(SENDER_KIND);
        String head = name + "\n" + pick(STREETS) + " " + (1 + random.nextInt(120)) + ", " + pick(CITIES)
                + "\nTel. 0" + (200 + random.nextInt(700)) + " " + (100000 + random.nextInt(900000));
        String footer = name + " | IBAN DE" + digits(20) + " | BIC " + word(8).toUpperCase() + " | Amtsgericht "
                + pick(CITIES).substring(6) + " HRB " + digits(5) + "\nGeschäftsführung: " + person();
        List<String> kinds = new ArrayList<>();
        List<List<String>> templates = new ArrayList<>();
        for (int k = 0; k < 2 + random.nextInt(3); k++) {
            kinds.add(pick(KINDS));
            List<String> sentences = new ArrayList<>();
            for (int s = 0; s < 6 + random.nextInt(6); s++) {
                sentences.add(sentence());
            }
            templates.add(sentences);
        }
        return new Sender(head, footer, templates, kinds);
    }

    private String letter() {
        Sender sender = senders.get(random.nextInt(senders.size()));
        int kind = random.nextInt(sender.kinds().size());
        StringBuilder text = new StringBuilder(sender.head()).append("\n\n");
        text.append(person()).append("\n").append(pick(STREETS)).append(" ").append(1 + random.nextInt(99))
                .append("\n").append(pick(CITIES)).append("\n\n");
        text.append(pick(CITIES).substring(6)).append(", ").append(date()).append("\n\n");
        text.append(sender.kinds().get(kind)).append(" no. ").append(digits(8)).append("\n\n");
        text.append("Dear ").append(person()).append(",\n\n");
        List<String> template = sender.templates().get(kind);
        int paragraphs = 2 + random.nextInt(4);
        for (int p = 0; p < paragraphs; p++) {
            StringBuilder paragraph = new StringBuilder();
            for (int s = 0; s < 2 + random.nextInt(4); s++) {
                // Template sentences with this letter's figures, and sentences of its own.
                String sentence = random.nextInt(3) > 0 ? pick(template) : sentence();
                paragraph.append(sentence.replace("#", amount())).append(' ');
            }
            text.append(paragraph.toString().trim()).append("\n\n");
        }
        if (random.nextBoolean()) {
            text.append("Amount due: EUR ").append(amount()).append("\nDue date: ").append(date()).append("\n\n");
        }
        text.append(pick(CLOSINGS)).append("\n").append(person()).append("\n\n").append(sender.footer());
        return text.toString();
    }

    private String receipt() {
        StringBuilder text = new StringBuilder(pick(SENDER_PART)).append(" Markt\n");
        for (int i = 0; i < 1 + random.nextInt(6); i++) {
            text.append(pick(NOUNS)).append(" ").append(amount()).append("\n");
        }
        return text.append("TOTAL EUR ").append(amount()).append("\n").append(date()).toString();
    }

    private String report() {
        StringBuilder text = new StringBuilder("Annual report ").append(1990 + random.nextInt(35)).append("\n\n");
        for (int p = 0; p < 20 + random.nextInt(30); p++) {
            for (int s = 0; s < 3 + random.nextInt(4); s++) {
                text.append(sentence().replace("#", amount())).append(' ');
            }
            text.append("\n\n");
        }
        return text.toString();
    }

    private String sentence() {
        String s = switch (random.nextInt(4)) {
            case 0 -> "We will " + pick(VERBS) + " the " + pick(ADJECTIVES) + " " + pick(NOUNS) + " for your "
                    + pick(NOUNS) + ".";
            case 1 -> "The " + pick(ADJECTIVES) + " " + pick(NOUNS) + " of EUR # is due on " + date() + ".";
            case 2 -> "Please " + pick(VERBS) + " your " + pick(NOUNS) + " and " + pick(VERBS) + " the "
                    + pick(ADJECTIVES) + " " + pick(NOUNS) + " by " + date() + ".";
            default -> "Your " + pick(NOUNS) + " has been " + pick(VERBS) + "ed according to the " + pick(ADJECTIVES)
                    + " " + pick(NOUNS) + " of your " + pick(NOUNS) + ".";
        };
        return s;
    }

    private String variant(String original) {
        String text = original;
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            text = switch (random.nextInt(7)) {
                case 0 -> changeWords(text, 1 + random.nextInt(6));
                case 1 -> addLine(text);
                case 2, 3 -> ocrNoise(text, 0.003 + random.nextDouble() * 0.04);
                case 4 -> reorderParagraphs(text);
                case 5 -> dropParagraph(text);
                default -> random.nextBoolean() ? text + "\n\n" + letter() : changeWords(text, 10 + random.nextInt(30));
            };
        }
        return text;
    }

    private String changeWords(String text, int count) {
        String[] words = text.split(" ", -1);
        for (int i = 0; i < count && words.length > 1; i++) {
            words[random.nextInt(words.length)] = random.nextBoolean() ? pick(NOUNS) : amount();
        }
        return String.join(" ", words);
    }

    private String addLine(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.add(random.nextInt(lines.size() + 1), sentence().replace("#", amount()));
        return String.join("\n", lines);
    }

    private String reorderParagraphs(String text) {
        List<String> paragraphs = new ArrayList<>(List.of(text.split("\n\n", -1)));
        if (paragraphs.size() > 2) {
            Collections.swap(paragraphs, random.nextInt(paragraphs.size()), random.nextInt(paragraphs.size()));
        }
        return String.join("\n\n", paragraphs);
    }

    private String dropParagraph(String text) {
        List<String> paragraphs = new ArrayList<>(List.of(text.split("\n\n", -1)));
        if (paragraphs.size() > 3) {
            paragraphs.remove(random.nextInt(paragraphs.size()));
        }
        return String.join("\n\n", paragraphs);
    }

    /** What a second scan reads differently: look-alike letters, lost or doubled characters, split words. */
    private String ocrNoise(String text, double rate) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (random.nextDouble() >= rate) {
                out.append(c);
                continue;
            }
            switch (random.nextInt(6)) {
                case 0 -> { }
                case 1 -> out.append(c).append(c);
                case 2 -> out.append(c).append(' ');
                case 3 -> out.append(c == 'm' ? "rn" : c == 'l' ? "1" : c == 'o' ? "0" : c == 'e' ? "c" : ".");
                case 4 -> out.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                default -> out.append(c == ' ' ? "" : c == 'i' ? "l" : c == 'S' ? "5" : c == 'B' ? "8" : "'");
            }
        }
        return out.toString();
    }

    private String person() {
        return pick(FIRST) + " " + pick(LAST);
    }

    private String date() {
        return String.format("%02d.%02d.%d", 1 + random.nextInt(28), 1 + random.nextInt(12), 2015 + random.nextInt(11));
    }

    private String amount() {
        return random.nextInt(2000) + "," + String.format("%02d", random.nextInt(100));
    }

    private String digits(int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }

    private String word(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
