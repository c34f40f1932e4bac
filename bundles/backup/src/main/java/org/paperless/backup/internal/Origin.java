package org.paperless.backup.internal;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Who wrote an export, from its metadata.json: this application (with the schema number its records
 * follow) or paperless-ngx (with its version).
 */
record Origin(boolean ours, String version, int schema, JsonNode encryption) {

    static Origin read(ExportSource source, ObjectMapper mapper, int latestSchema) throws IOException {
        if (!source.exists(ManifestFiles.METADATA)) {
            return new Origin(false, "unknown", 0, MissingNode.getInstance()); // paperless-ngx before 1.x wrote none
        }
        JsonNode metadata;
        try (InputStream in = source.open(ManifestFiles.METADATA)) {
            metadata = mapper.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(ManifestFiles.METADATA + " is damaged: " + e.getOriginalMessage());
        }
        boolean ours = ManifestFiles.APPLICATION.equals(metadata.path("application").asText());
        int schema = metadata.path("schema").asInt(0);
        if (ours && schema > latestSchema) {
            throw new IllegalArgumentException("This export was made by a newer version (" + metadata.path("version").asText()
                    + ", schema " + schema + "); this version knows schema " + latestSchema
                    + " at most. Import it with that version or a newer one");
        }
        return new Origin(ours, metadata.path("version").asText("unknown"), schema, metadata.path("encryption"));
    }

    String describe() {
        return ours ? "paperless on Karaf " + version + " (schema " + schema + ")" : "paperless-ngx " + version;
    }
}
