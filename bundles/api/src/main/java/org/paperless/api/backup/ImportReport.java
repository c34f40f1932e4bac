package org.paperless.api.backup;

import java.util.Map;

/**
 * What an import did.
 *
 * @param origin who wrote the export and which version, e.g. "paperless on Karaf 0.1.0 (schema 5)"
 * @param imported records imported per model ("documents.document" -> 120)
 * @param skipped records of models this version has no use for, per model, never silently dropped
 * @param files files copied into the media folder
 */
public record ImportReport(String origin, Map<String, Long> imported, Map<String, Long> skipped, long files) {

    public ImportReport {
        imported = Map.copyOf(imported);
        skipped = Map.copyOf(skipped);
    }
}
