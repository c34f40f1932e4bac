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
 * MD5 in exports of paperless-ngx 2.x). A name that is absolute or climbs out with {@code ..}, or an
 * original or archive copy without a checksum, stops the check at once: paperless-ngx and this
 * application always write them, and a file that no checksum vouches for could be any file of this
 * server. Thumbnails are the exception paperless-ngx makes (it keeps no checksum of them): one without
 * a checksum must be a PNG or WebP image of bounded size (see {@link ThumbnailCheck}).
 */
final class ExportCheck {

    /**
     * What the check found; {@code changed} holds files whose checksum differs and thumbnails without a
     * checksum that are no image; {@code referenced} are the files the manifests name, manifests included.
     */
    record Result(long documents, long checked, List<String> missing, List<String> changed, Set<String> referenced) {
    }

    private ExportCheck() {
    }

    /** How a file's bytes are read for the comparison: as they are, or first decrypted (storage_type gpg). */
    @FunctionalInterface
    interface Reading {
        InputStream open(JsonNode record, String name, InputStream raw) throws IOException;
    }

    static Result run(ExportSource source, ObjectMapper mapper, Progress progress) throws IOException {
        return run(source, mapper, progress, (record, name, raw) -> raw);
    }

    static Result run(ExportSource source, ObjectMapper mapper, Progress progress, Reading reading) throws IOException {
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
                        boolean fits;
                        try (InputStream data = reading.open(record, file.name(), source.open(file.name()))) {
                            fits = file.checksum() == null ? ThumbnailCheck.problem(data) == null
                                    : file.checksum().equalsIgnoreCase(Checksums.of(data, Checksums.algorithmOf(file.checksum())));
                        }
                        counts[1]++;
                        if (!fits) {
                            changed.add(file.name());
                        }
                    }
                    progress.update(++counts[0], counts[0]);
                });
            }
        }
        return new Result(counts[0], counts[1], missing, changed, referenced);
    }

    /** A file a document record names under {@code key}, with the checksum it should have (null: a thumbnail without one). */
    record FileRef(String name, String checksum, String key) {
    }

    static List<FileRef> files(JsonNode record) {
        JsonNode fields = record.path("fields");
        List<FileRef> files = new ArrayList<>();
        add(files, record, ManifestFiles.FILE_NAME, fields.path("checksum"), true);
        add(files, record, ManifestFiles.ARCHIVE_NAME, fields.path("archive_checksum"), true);
        add(files, record, ManifestFiles.THUMBNAIL_NAME, record.path(ManifestFiles.THUMBNAIL_CHECKSUM), false);
        return files;
    }

    /** The checksum a document record keeps for one of its files; null for a thumbnail without one. */
    static String checksumOf(JsonNode record, String key) {
        for (FileRef file : files(record)) {
            if (file.key().equals(key)) {
                return file.checksum();
            }
        }
        return null;
    }

    private static void add(List<FileRef> files, JsonNode record, String key, JsonNode checksum, boolean required) {
        JsonNode name = record.get(key);
        if (name == null || name.isNull()) {
            return;
        }
        String checked;
        try {
            checked = SafeName.check(name.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Refused: document " + record.path("pk").asText() + " in the manifest names "
                    + "a file outside the export (" + e.getMessage() + ")");
        }
        String sum = checksum.isTextual() ? checksum.asText() : null;
        if (sum != null && !sum.matches("[0-9A-Fa-f]{32}|[0-9A-Fa-f]{64}")) {
            throw new IllegalArgumentException("Refused: document " + record.path("pk").asText() + " in the manifest gives '"
                    + checked + "' a checksum that is neither MD5 nor SHA-256");
        }
        if (sum == null && required) {
            throw new IllegalArgumentException("Refused: document " + record.path("pk").asText() + " in the manifest names '"
                    + checked + "' without its checksum; every export of paperless-ngx and of this application keeps one."
                    + " Export again with the instance that made it");
        }
        files.add(new FileRef(checked, sum, key));
    }
}
