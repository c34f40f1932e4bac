package org.paperless.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.paperless.api.Document;
import org.paperless.api.consumer.ConsumeOverrides;
import org.paperless.api.parser.PdfPages;
import org.paperless.api.storage.MediaArea;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * paperless-ngx's {@code merge} and {@code split}: new PDFs made from the documents' pages and consumed as new
 * documents (each an upload task), the sources untouched; with {@code delete_originals} they go to the trash once
 * every new document is stored.
 */
final class PageOperations {

    private static final Logger LOG = LoggerFactory.getLogger(PageOperations.class);
    /** The most documents one merge takes. */
    static final int MAX_MERGED = 100;

    private final Services services;
    private final Uploads uploads;

    PageOperations(Services services, Uploads uploads) {
        this.services = services;
        this.uploads = uploads;
    }

    /** @param documents in the order their pages follow each other */
    void merge(List<Document> documents, JsonNode p, String user) throws IOException {
        if (documents.size() > MAX_MERGED) {
            throw ApiException.invalid("documents", "At most " + MAX_MERGED + " documents are merged at once.");
        }
        boolean archiveFallback = bool(p, "archive_fallback");
        boolean deleteOriginals = bool(p, "delete_originals");
        Document metadata = null;
        if (p.hasNonNull("metadata_document_id")) {
            long id = p.get("metadata_document_id").asLong();
            metadata = documents.stream().filter(d -> d.id() == id).findFirst().orElseThrow(() -> ApiException.invalid(
                    "parameters", "metadata_document_id must be one of the documents merged"));
        }
        List<Path> sources = new ArrayList<>();
        for (Document d : documents) {
            sources.add(pdfOf(d, archiveFallback));
        }
        String name = documents.stream().map(d -> String.valueOf(d.id())).collect(Collectors.joining("_"));
        name = name.substring(0, Math.min(100, name.length())) + "_merged.pdf";
        ConsumeOverrides overrides = metadata == null ? ConsumeOverrides.NONE
                : overrides(metadata, metadata.title() + " (merged)");
        List<Long> originals = documents.stream().map(Document::id).toList();
        Path work = work();
        try {
            Path merged = work.resolve(name);
            pages().merge(sources, merged);
            submit(merged, user, overrides, deleteOriginals ? new Countdown(1, originals) : null);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("parameters", e.getMessage());
        } finally {
            Uploads.deleteFolder(work);
        }
    }

    void split(Document d, JsonNode p, String user) throws IOException {
        List<List<Integer>> groups = pageGroups(p.get("pages"));
        boolean deleteOriginals = bool(p, "delete_originals");
        Path source = pdfOf(d, false);
        Path work = work();
        try {
            List<Path> parts = new ArrayList<>();
            for (List<Integer> group : groups) {
                parts.add(work.resolve(d.id() + "_" + group.get(0) + "-" + group.get(group.size() - 1) + ".pdf"));
            }
            pages().split(source, groups, parts);
            Countdown countdown = deleteOriginals ? new Countdown(parts.size(), List.of(d.id())) : null;
            for (int i = 0; i < parts.size(); i++) {
                submit(parts.get(i), user, overrides(d, d.title() + " (split " + (i + 1) + ")"), countdown);
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("parameters", e.getMessage());
        } finally {
            Uploads.deleteFolder(work);
        }
    }

    /** paperless-ngx's page list: {@code "1,2-3"} makes two documents, of page 1 and of pages 2 and 3. */
    static List<List<Integer>> pageGroups(JsonNode pages) {
        if (pages == null || !pages.isTextual() || !pages.asText().strip().matches("\\d{1,5}(-\\d{1,5})?(\\s*,\\s*\\d{1,5}(-\\d{1,5})?)*")) {
            throw ApiException.invalid("parameters", "invalid pages specified: give them as \"1,2-3\"");
        }
        List<List<Integer>> groups = new ArrayList<>();
        int total = 0;
        for (String part : pages.asText().strip().split("\\s*,\\s*")) {
            String[] range = part.split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            if (from < 1 || to < from) {
                throw ApiException.invalid("parameters", "invalid pages specified: " + part);
            }
            total += to - from + 1;
            if (total > PdfPages.MAX_PAGES) {
                throw ApiException.invalid("parameters", "At most " + PdfPages.MAX_PAGES + " pages at once.");
            }
            List<Integer> group = new ArrayList<>();
            for (int page = from; page <= to; page++) {
                group.add(page);
            }
            groups.add(group);
        }
        return groups;
    }

    private PdfPages pages() {
        return Services.need(services.pdfPages, "PDF parser", "paperless-parser-pdf");
    }

    /** The stored original when it is a PDF, else (with archive_fallback) its PDF/A archive copy. */
    private Path pdfOf(Document d, boolean archiveFallback) {
        if ("application/pdf".equals(d.mimeType())) {
            return services.media().resolve(MediaArea.ORIGINALS, d.filename());
        }
        if (archiveFallback && d.archiveFilename() != null) {
            return services.media().resolve(MediaArea.ARCHIVE, d.archiveFilename());
        }
        throw ApiException.invalid("parameters", "Document " + d.id() + " is not a PDF"
                + (d.archiveFilename() != null ? "; archive_fallback takes its archive copy" : ""));
    }

    private static ConsumeOverrides overrides(Document d, String title) {
        return new ConsumeOverrides(title, id(d.correspondentId()), id(d.documentTypeId()),
                d.tagIds().stream().map(String::valueOf).toList(), id(d.storagePathId()));
    }

    private static String id(Long id) {
        return id == null ? null : String.valueOf(id);
    }

    /** The originals to trash once the last of the new documents is stored; none when one of them fails. */
    private final class Countdown {
        private final AtomicInteger left;
        private final List<Long> originals;

        Countdown(int parts, List<Long> originals) {
            this.left = new AtomicInteger(parts);
            this.originals = originals;
        }

        void stored() {
            if (left.decrementAndGet() == 0) {
                try {
                    services.documents().moveToTrash(originals);
                } catch (RuntimeException e) {
                    LOG.warn("The documents {} were merged or split, but could not go to the trash: {}", originals,
                            e.getMessage());
                }
            }
        }
    }

    private void submit(Path file, String user, ConsumeOverrides overrides, Countdown countdown) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            uploads.submit(file.getFileName().toString(), in, user, overrides, stored -> {
                Document owned = services.documents().update(DocumentChange.withOwner(stored, user));
                if (countdown != null) {
                    countdown.stored();
                }
                return owned;
            });
        }
    }

    private Path work() throws IOException {
        return Files.createTempDirectory("paperless-pages-"); // inside Karaf: its data/tmp
    }

    private static boolean bool(JsonNode p, String field) {
        JsonNode v = p.get(field);
        if (v != null && !v.isNull() && !v.isBoolean()) {
            throw ApiException.invalid("parameters", field + " must be a boolean");
        }
        return v != null && v.asBoolean(false);
    }
}
