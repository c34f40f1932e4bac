package org.paperless.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.paperless.api.backup.Progress;

/**
 * Reads every file a manifest names and compares it with the checksum the manifest keeps (SHA-256, or
 * MD5 in exports of paperless-ngx 2.x). A name that is absolute or climbs out with {@code ..} stops the
 * check at once.
 */
final class ExportCheck {

    /** What the check found; {@code referenced} are the files the manifests name, manifests included. */
    record Result(long documents, long checked, List<String> missing, List<String> changed, Set<String> referenced) {
    }

    private ExportCheck() {
    }

    static Result run(ExportSource source, ObjectMapper mapper, Progress progress) throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Set<String> referenced = new HashSet<>();
        long[] counts = {0, 0}; // documents, files checked
        List<String> manifests = source.manifests();
        referenced.addAll(manifests);
        referenced.add(ManifestFiles.METADATA);
        for (String manifest : manifests) {
            try (InputStream in = source.open(manifest)) {
                ManifestReader.forEach(mapper, in, manifest, record -> {
                    if (!ManifestFiles.DOCUMENT.equals(record.path("model").asText())) {
                        return;
                    }
                    for (FileRef file : files(record)) {
                        referenced.add(file.name());
                        if (!source.exists(file.name())) {
                            missing.add(file.name());
                            continue;
                        }
                        String actual;
                        try (InputStream data = source.open(file.name())) {
                            actual = Checksums.of(data, Checksums.algorithmOf(file.checksum()));
                        }
                        counts[1]++;
                        if (file.checksum() != null && !file.checksum().equalsIgnoreCase(actual)) {
                            changed.add(file.name());
                        }
                    }
                    progress.update(++counts[0], counts[0]);
                });
            }
        }
        return new Result(counts[0], counts[1], missing, changed, referenced);
    }

    /** A file a document record names, with the checksum it should have (null: none kept). */
    record FileRef(String name, String checksum) {
    }

    static List<FileRef> files(JsonNode record) {
        JsonNode fields = record.path("fields");
        List<FileRef> files = new ArrayList<>();
        add(files, record, ManifestFiles.FILE_NAME, fields.path("checksum"));
        add(files, record, ManifestFiles.ARCHIVE_NAME, fields.path("archive_checksum"));
        add(files, record, ManifestFiles.THUMBNAIL_NAME, record.path(ManifestFiles.THUMBNAIL_CHECKSUM));
        return files;
    }

    private static void add(List<FileRef> files, JsonNode record, String key, JsonNode checksum) {
        JsonNode name = record.get(key);
        if (name == null || name.isNull()) {
            return;
        }
        try {
            files.add(new FileRef(SafeName.check(name.asText()), checksum.isTextual() ? checksum.asText() : null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Refused: document " + record.path("pk").asText() + " in the manifest names "
                    + "a file outside the export (" + e.getMessage() + ")");
        }
    }
}
