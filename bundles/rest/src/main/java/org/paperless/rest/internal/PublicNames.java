package org.paperless.rest.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.paperless.api.Correspondent;
import org.paperless.api.Document;
import org.paperless.api.storage.CorrespondentRepository;

/**
 * The names documents are offered under, as paperless-ngx's {@code get_public_filename}: the created date, the
 * correspondent and the title ({@code 2024-03-01 Stadtwerke Electricity bill.pdf}), with what no file system
 * takes replaced by {@code -}. The correspondents are read once per request.
 */
final class PublicNames {

    private final Map<Long, String> correspondents = new HashMap<>();

    private PublicNames() {
    }

    static PublicNames of(CorrespondentRepository repository) {
        PublicNames names = new PublicNames();
        for (Correspondent c : repository.list()) {
            names.correspondents.put(c.id(), c.name());
        }
        return names;
    }

    /** The name of the original ({@code archive} false) or of the archive copy (always .pdf). */
    String of(Document d, boolean archive) {
        StringBuilder name = new StringBuilder();
        if (d.created() != null) {
            name.append(d.created());
        }
        String correspondent = d.correspondentId() == null ? null : correspondents.get(d.correspondentId());
        if (correspondent != null) {
            name.append(name.length() > 0 ? " " : "").append(correspondent);
        }
        name.append(name.length() > 0 ? " " : "").append(d.title());
        return sanitize(name.toString()) + (archive ? ".pdf" : extension(d));
    }

    private static String extension(Document d) {
        String original = d.originalFilename();
        if (original != null) {
            int dot = original.lastIndexOf('.');
            if (dot > 0 && original.length() - dot <= 10) {
                return original.substring(dot).toLowerCase(Locale.ROOT);
            }
        }
        return "application/pdf".equals(d.mimeType()) ? ".pdf" : "";
    }

    static String sanitize(String name) {
        String clean = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "-").strip();
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }
}
