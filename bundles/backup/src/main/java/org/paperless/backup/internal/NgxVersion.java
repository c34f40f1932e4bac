package org.paperless.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.paperless.api.backup.ExportFormat;

/**
 * A paperless-ngx version an export is written for: the models its exporter writes, in its manifest's order, each
 * with its fields in Django's order (read from its models at that tag), and its checksum algorithm.
 */
record NgxVersion(String version, String checksumAlgorithm, Map<String, List<String>> models) {

    private static final NgxVersion V2 = load("ngx-2.20.15.json");
    private static final NgxVersion V3 = load("ngx-3.0.5.json");

    /** The version of a format; null for our own. */
    static NgxVersion of(ExportFormat format) {
        return switch (format) {
            case NGX_2 -> V2;
            case NGX_3 -> V3;
            case OWN -> null;
        };
    }

    boolean md5() {
        return "MD5".equals(checksumAlgorithm);
    }

    /** 3.x keeps trashed documents in its export and has no {@code storage_type}. */
    boolean major3() {
        return version.startsWith("3.");
    }

    /** The models in the order its manifest lists them. */
    List<String> order() {
        return new ArrayList<>(models.keySet());
    }

    private static NgxVersion load(String resource) {
        try (InputStream in = NgxVersion.class.getResourceAsStream(resource)) {
            JsonNode json = new ObjectMapper().readTree(in);
            Map<String, List<String>> models = new LinkedHashMap<>();
            json.path("models").fields().forEachRemaining(e -> {
                List<String> fields = new ArrayList<>();
                e.getValue().forEach(f -> fields.add(f.asText()));
                models.put(e.getKey(), List.copyOf(fields));
            });
            return new NgxVersion(json.path("version").asText(), json.path("checksum").asText(), models);
        } catch (IOException e) {
            throw new UncheckedIOException("The bundle's " + resource + " is unreadable", e);
        }
    }
}
