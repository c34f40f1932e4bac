package org.paperless.backup.internal;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Who wrote an export, from its metadata.json: this application (with the schema number its records
 * follow) or paperless-ngx (with its version); how its secrets are encrypted: ours in {@code encryption},
 * paperless-ngx's in {@code __crypto__}.
 */
record Origin(boolean ours, String version, int schema, JsonNode encryption, JsonNode ngxCrypto) {

    static final String LEGACY_VERSION = "version.json";
    /** A few hundred bytes in practice. */
    static final int MAX_BYTES = 1024 * 1024;

    static Origin read(ExportSource source, ObjectMapper mapper, int latestSchema) throws IOException {
        // paperless-ngx before 1.8 wrote version.json, and before that nothing.
        String file = source.exists(ManifestFiles.METADATA) ? ManifestFiles.METADATA
                : source.exists(LEGACY_VERSION) ? LEGACY_VERSION : null;
        if (file == null) {
            return new Origin(false, "unknown", 0, MissingNode.getInstance(), MissingNode.getInstance());
        }
        JsonNode metadata;
        try (InputStream in = source.open(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException(file + " is larger than " + MAX_BYTES / 1024 + " KiB: it is not the metadata of an export");
            }
            metadata = mapper.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is damaged: " + e.getOriginalMessage());
        }
        boolean ours = ManifestFiles.APPLICATION.equals(metadata.path("application").asText());
        int schema = metadata.path("schema").asInt(0);
        if (ours && schema > latestSchema) {
            throw new IllegalArgumentException("This export was made by a newer version (" + metadata.path("version").asText()
                    + ", schema " + schema + "); this version knows schema " + latestSchema
                    + " at most. Import it with that version or a newer one");
        }
        return new Origin(ours, metadata.path("version").asText("unknown"), schema, metadata.path("encryption"),
                metadata.path(NgxSecrets.SETTINGS));
    }

    String describe() {
        return ours ? "paperless on Karaf " + version + " (schema " + schema + ")" : "paperless-ngx " + version;
    }
}
