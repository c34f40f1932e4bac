package org.paperless.bench.loader;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.paperless.api.Document;

/**
 * A stored document without its text as one tab-separated line, beside the text files that
 * {@code paperless-bench:load --text-out} writes: what the bare Lucene loop needs to index the documents as the
 * database holds them, without the database. Tabs, line breaks and backslashes in values are escaped.
 */
final class DocumentLines {

    static final String DOCUMENTS = "documents.tsv";
    static final String NAMES = "names.tsv";
    private static final int COLUMNS = 18;

    private DocumentLines() {
    }

    static String line(Document d) {
        List<String> values = new ArrayList<>(COLUMNS);
        values.add(text(d.id()));
        values.add(d.title());
        values.add(text(d.correspondentId()));
        values.add(text(d.documentTypeId()));
        values.add(text(d.storagePathId()));
        values.add(String.join(",", d.tagIds().stream().sorted().map(String::valueOf).toList()));
        values.add(text(d.created()));
        values.add(text(d.modified()));
        values.add(text(d.added()));
        values.add(d.checksum());
        values.add(d.archiveChecksum());
        values.add(text(d.archiveSerialNumber()));
        values.add(d.filename());
        values.add(d.archiveFilename());
        values.add(d.originalFilename());
        values.add(d.mimeType());
        values.add(text(d.pageCount()));
        values.add(d.owner());
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            if (out.length() > 0) {
                out.append('\t');
            }
            out.append(escape(value));
        }
        return out.toString();
    }

    /** The document of a line, with the text read from its file; its notes and custom fields are not kept. */
    static Document document(String line, String content) {
        String[] v = line.split("\t", -1);
        if (v.length != COLUMNS) {
            throw new IllegalArgumentException("expected " + COLUMNS + " columns, found " + v.length + ": " + line);
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = unescape(v[i]);
        }
        Set<Long> tags = new LinkedHashSet<>();
        if (v[5] != null) {
            for (String tag : v[5].split(",")) {
                tags.add(Long.valueOf(tag));
            }
        }
        return new Document(number(v[0]), v[1], content, number(v[2]), number(v[3]), number(v[4]), tags,
                v[6] == null ? null : LocalDate.parse(v[6]), instant(v[7]), instant(v[8]), v[9], v[10], number(v[11]),
                v[12], v[13], v[14], v[15], v[16] == null ? null : Integer.valueOf(v[16]), v[17], List.of(), List.of());
    }

    /** The id a line starts with. */
    static long id(String line) {
        return Long.parseLong(line.substring(0, line.indexOf('\t')));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Long number(String value) {
        return value == null ? null : Long.valueOf(value);
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }

    /** Null is an empty column; an empty string is a lone backslash-e. */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        if (value.isEmpty()) {
            return "\\e";
        }
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.equals("\\e")) {
            return "";
        }
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\' || i + 1 == value.length()) {
                out.append(c);
                continue;
            }
            char next = value.charAt(++i);
            out.append(switch (next) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> next;
            });
        }
        return out.toString();
    }
}
