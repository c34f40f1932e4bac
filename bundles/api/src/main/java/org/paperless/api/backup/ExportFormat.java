package org.paperless.api.backup;

import java.util.Locale;

/**
 * What an export is written for: our own export (every record and file this instance keeps, read back by our
 * importer), or what a version of paperless-ngx's own exporter writes, so that its importer takes it unchanged.
 */
public enum ExportFormat {
    /** Ours: paperless-ngx's manifest shape with what only we keep (thumbnail checksums, note authors by name). */
    OWN("own"),
    /** paperless-ngx 2.x (written as 2.20.15 writes it): MD5 checksums, {@code storage_type}. */
    NGX_2("ngx-2"),
    /** paperless-ngx 3.x (written as 3.0.5 writes it): SHA-256 checksums, document versions' fields. */
    NGX_3("ngx-3");

    private final String label;

    ExportFormat(String label) {
        this.label = label;
    }

    /** The name the console and the REST API use: {@code own}, {@code ngx-2}, {@code ngx-3}. */
    public String label() {
        return label;
    }

    /** @throws IllegalArgumentException naming the known ones */
    public static ExportFormat of(String label) {
        String wanted = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (f.label.equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("Unknown export target '" + label + "': give own, ngx-2 (paperless-ngx 2.x) "
                + "or ngx-3 (paperless-ngx 3.x)");
    }
}
