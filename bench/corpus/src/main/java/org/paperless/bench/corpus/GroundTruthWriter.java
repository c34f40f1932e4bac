package org.paperless.bench.corpus;

import java.util.List;

/**
 * Writes the ground truth as JSON by hand: the format is fixed and tiny, and a JSON library would be
 * a dependency for one escape function. Field order is fixed so equal documents give equal bytes.
 */
final class GroundTruthWriter {
    private GroundTruthWriter() {}

    static String json(GeneratedDocument d, boolean scanned, List<String> files) {
        StringBuilder b = new StringBuilder(4096).append("{\n");
        field(b, "name", str(d.baseName()));
        field(b, "kind", str(scanned ? "scanned" : "born-digital"));
        field(b, "files", list(files));
        field(b, "correspondent", str(d.correspondent()));
        field(b, "document_type", str(d.documentType()));
        field(b, "tags", list(d.tags()));
        field(b, "created", str(d.created().toString()));
        field(b, "title", str(d.title()));
        field(b, "amount", d.amount() == null ? "null" : str(d.amount()));
        field(b, "amount_value", d.amountValue() == null ? "null" : d.amountValue().toPlainString());
        field(b, "currency", str(d.currency()));
        field(b, "customer_number", str(d.customerNumber()));
        field(b, "document_number", str(d.documentNumber()));
        field(b, "pages", String.valueOf(d.pages().size()));
        b.append("  \"words\": [");
        for (int p = 0; p < d.pages().size(); p++) {
            b.append(p == 0 ? "\n    " : ",\n    ").append(str(d.pageText(p)));
        }
        return b.append("\n  ]\n}\n").toString();
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append("  \"").append(name).append("\": ").append(value).append(",\n");
    }

    private static String list(List<String> values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(str(values.get(i)));
        }
        return b.append(']').toString();
    }

    /** A JSON string literal; non-ASCII stays as UTF-8, control characters are escaped. */
    static String str(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
