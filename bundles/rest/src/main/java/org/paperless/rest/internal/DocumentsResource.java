package org.paperless.rest.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.paperless.api.Document;
import org.paperless.api.index.SearchException;
import org.paperless.api.index.SearchHit;
import org.paperless.api.index.SearchResults;
import org.paperless.api.security.Access;
import org.paperless.api.security.ApiUser;
import org.paperless.api.security.ObjectType;
import org.paperless.api.storage.DocumentQuery.Criterion;
import org.paperless.api.storage.DocumentQuery;
import org.paperless.api.storage.MediaArea;
import org.paperless.rest.internal.DocumentJson.View;

/** {@code /api/documents/}: the list with filters and full-text search, one document, its files and notes. */
final class DocumentsResource {

    /** The most search hits a filtered full-text query considers (the database filters these). */
    static final int MAX_FILTERED_HITS = DocumentQuery.MAX_VALUES;

    private final Services services;
    private final Permissions permissions;
    private final String baseUrl;

    DocumentsResource(Services services, String baseUrl) {
        this.services = services;
        this.permissions = new Permissions(services);
        this.baseUrl = baseUrl;
    }

    void routes(List<Route> routes) {
        routes.add(Route.of("GET", "/documents/", this::list));
        routes.add(Route.of("GET", "/documents/next_asn/", this::nextAsn));
        routes.add(Route.of("GET", "/documents/{id}/", r -> {
            Seen seen = seen(r, r.id());
            return Reply.ok(DocumentJson.of(seen.document(), seen.access(), View.of(r, services)));
        }));
        routes.add(Route.of("PATCH", "/documents/{id}/", r -> update(r, false)));
        routes.add(Route.of("PUT", "/documents/{id}/", r -> update(r, true)));
        routes.add(Route.of("DELETE", "/documents/{id}/", this::delete));
        routes.add(Route.of("GET", "/documents/{id}/download/", r -> file(r, !r.flag("original").orElse(false), false)));
        routes.add(Route.of("GET", "/documents/{id}/preview/", r -> file(r, !r.flag("original").orElse(false), true)));
        routes.add(Route.of("GET", "/documents/{id}/thumb/", this::thumbnail));
        routes.add(Route.of("GET", "/documents/{id}/metadata/", this::metadata));
        routes.add(Route.of("GET", "/documents/{id}/notes/", r -> Reply.ok(DocumentJson.notes(document(r).notes()))));
        routes.add(Route.of("POST", "/documents/{id}/notes/", this::addNote));
        routes.add(Route.of("DELETE", "/documents/{id}/notes/", this::deleteNote));
        routes.add(Route.of("GET", "/documents/{id}/suggestions/", this::suggestions));
    }

    private PublicNames names() {
        return PublicNames.of(services.correspondents());
    }

    /** A document the user sees, with who owns it and whom it is shared with. */
    record Seen(Document document, Access access) {
    }

    /** The document of the path, when it exists and the user may see it; else 404 either way. */
    Document document(ApiRequest r) {
        return document(r, r.id());
    }

    /** Files, notes and metadata: the grants are asked only when the owner alone does not let the user see it. */
    Document document(ApiRequest r, long id) {
        Document d = services.documents().find(id)
                .orElseThrow(() -> ApiException.detail(404, "No Document matches the given query."));
        ApiUser user = r.user();
        if (user.admin() || d.owner() == null || d.owner().equals(user.name()) || permissions.of(d).sees(user)) {
            return d;
        }
        throw ApiException.detail(404, "No Document matches the given query.");
    }

    Seen seen(ApiRequest r, long id) {
        Document d = services.documents().find(id)
                .orElseThrow(() -> ApiException.detail(404, "No Document matches the given query."));
        Access access = permissions.of(d);
        if (!access.sees(r.user())) {
            throw ApiException.detail(404, "No Document matches the given query.");
        }
        return new Seen(d, access);
    }

    /** The document of the path, which the user may change (403 when they only see it). */
    private Seen changeable(ApiRequest r) {
        Seen seen = seen(r, r.id());
        Permissions.requireChange(r.user(), seen.access());
        return seen;
    }

    private Reply list(ApiRequest r) throws SearchException {
        Paging paging = Paging.of(r);
        if (r.has("query") || r.has("more_like_id")) {
            return search(r, paging);
        }
        DocumentQuery.Page page = services.documents().query(
                DocumentFilters.query(r, services, paging.offset(), paging.size()));
        paging.check(page.count());
        View view = View.of(r, services);
        Map<Long, Access> access = permissions.of(page.documents());
        List<Map<String, Object>> results = page.documents().stream()
                .map(d -> DocumentJson.of(d, access.get(d.id()), view)).toList();
        return Reply.ok(paging.answer(r, baseUrl, page.count(), EncodedTexts.ids(page.allIds()), results));
    }

    /** Full text ({@code query=}) or similar documents ({@code more_like_id=}), ranked, with the other filters. */
    private Reply search(ApiRequest r, Paging paging) throws SearchException {
        List<Criterion> criteria = DocumentFilters.criteria(r, services);
        boolean filtered = !criteria.isEmpty();
        int offset = filtered ? 0 : paging.offset();
        int limit = filtered ? MAX_FILTERED_HITS : paging.size();
        SearchResults found = r.has("query")
                ? services.index().search(r.param("query").get(), offset, limit)
                : services.index().moreLikeThis(document(r, r.number("more_like_id").get()).id(), offset, limit);
        List<SearchHit> hits = found.hits();
        long count = found.total();
        if (filtered) {
            List<Long> ids = hits.stream().map(SearchHit::documentId).toList();
            criteria.add(new DocumentQuery.IdIn(Set.copyOf(ids)));
            Set<Long> passing = Set.copyOf(services.documents().query(
                    new DocumentQuery(criteria, List.of(), 0, 0, true)).allIds());
            hits = hits.stream().filter(h -> passing.contains(h.documentId())).toList();
            count = hits.size();
            hits = hits.subList(Math.min(paging.offset(), hits.size()), Math.min(paging.offset() + paging.size(), hits.size()));
        }
        paging.check(count);
        Map<Long, Document> documents = new HashMap<>();
        if (!hits.isEmpty()) {
            services.documents().query(new DocumentQuery(List.of(new DocumentQuery.IdIn(
                    Set.copyOf(hits.stream().map(SearchHit::documentId).toList()))), List.of(), 0, hits.size(), false))
                    .documents().forEach(d -> documents.put(d.id(), d));
        }
        float top = hits.stream().map(SearchHit::score).max(Float::compare).orElse(1f);
        View view = View.of(r, services);
        Map<Long, Access> access = permissions.of(documents.values());
        List<Map<String, Object>> results = new ArrayList<>();
        int rank = paging.offset();
        for (SearchHit hit : hits) {
            Document d = documents.get(hit.documentId());
            if (d == null) {
                continue;
            }
            Map<String, Object> json = DocumentJson.of(d, access.get(d.id()), view);
            Map<String, Object> searchHit = new LinkedHashMap<>();
            searchHit.put("score", top > 0 ? hit.score() / top : 0);
            searchHit.put("highlights", hit.snippet() == null ? "" : hit.snippet());
            searchHit.put("note_highlights", "");
            searchHit.put("rank", rank++);
            json.put("__search_hit__", searchHit);
            results.add(json);
        }
        return Reply.ok(paging.answer(r, baseUrl, count, null, results));
    }

    /**
     * A change of a document's fields; {@code owner} and {@code set_permissions} only by its owner (or an admin, or
     * anyone while it has no owner), as paperless-ngx.
     */
    private Reply update(ApiRequest r, boolean whole) throws IOException {
        Seen seen = changeable(r);
        Document d = seen.document();
        ObjectNode body = r.json();
        Permissions.OwnerChange owner = permissions.forChange(body, r.user(), seen.access());
        Document changed = DocumentChange.apply(d, body, services, whole);
        DocumentChange.FieldChange fields = DocumentChange.customFields(d, body, Visibility.customFields(services, r.user()));
        if (owner.newOwner()) {
            changed = DocumentChange.withOwner(changed, owner.owner());
        }
        Document stored = services.documents().update(changed);
        if (fields != null) {
            services.documents().modifyCustomFields(List.of(d.id()), fields.values(), Set.of(), fields.remove());
            DocumentLinks.reflect(services, View.customFields(services), d, fields.values(), fields.remove());
        }
        permissions.store(ObjectType.DOCUMENT, d.id(), owner);
        // Answered also when the user just gave the document away (as paperless-ngx).
        Document after = services.documents().find(stored.id()).orElse(stored);
        return Reply.ok(DocumentJson.of(after, permissions.of(after), View.of(r, services).whole()));
    }

    /** To the trash: only by its owner (or an admin, or anyone while it has no owner), as paperless-ngx. */
    private Reply delete(ApiRequest r) {
        Seen seen = seen(r, r.id());
        if (!seen.access().governs(r.user())) {
            throw ApiException.detail(403, Permissions.FORBIDDEN);
        }
        services.documents().moveToTrash(List.of(r.id()));
        return Reply.noContent();
    }

    private Reply file(ApiRequest r, boolean archiveWanted, boolean inline) {
        Document d = document(r);
        boolean archive = archiveWanted && d.archiveFilename() != null;
        Path path = services.media().resolve(archive ? MediaArea.ARCHIVE : MediaArea.ORIGINALS,
                archive ? d.archiveFilename() : d.filename());
        if (!Files.isRegularFile(path)) {
            throw ApiException.detail(404, "The file of document " + d.id() + " is missing from the media folder; "
                    + "paperless:sanity-check says more.");
        }
        String name = names().of(d, archive);
        return Reply.file(path, archive ? "application/pdf" : d.mimeType(), name, inline);
    }

    private Reply thumbnail(ApiRequest r) {
        Document d = document(r);
        for (String extension : new String[] {".webp", ".png"}) {
            Path path = services.media().resolve(MediaArea.THUMBNAILS, String.format("%07d", d.id()) + extension);
            if (Files.isRegularFile(path)) {
                return Reply.file(path, extension.equals(".png") ? "image/png" : "image/webp", null, true);
            }
        }
        throw ApiException.detail(404, "Document " + d.id() + " has no thumbnail; paperless:thumbnails makes it.");
    }

    private Reply metadata(ApiRequest r) throws IOException {
        Document d = document(r);
        Path original = services.media().resolve(MediaArea.ORIGINALS, d.filename());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("original_checksum", d.checksum());
        json.put("original_size", Files.isRegularFile(original) ? Files.size(original) : null);
        json.put("original_mime_type", d.mimeType());
        json.put("media_filename", d.filename());
        json.put("has_archive_version", d.archiveFilename() != null);
        json.put("original_metadata", List.of());
        json.put("archive_checksum", d.archiveChecksum());
        json.put("archive_media_filename", d.archiveFilename());
        json.put("original_filename", d.originalFilename());
        Path archive = d.archiveFilename() == null ? null : services.media().resolve(MediaArea.ARCHIVE, d.archiveFilename());
        json.put("archive_size", archive != null && Files.isRegularFile(archive) ? Files.size(archive) : null);
        json.put("archive_metadata", d.archiveFilename() == null ? null : List.of());
        json.put("lang", "en");
        return Reply.ok(json);
    }

    private Reply addNote(ApiRequest r) throws IOException {
        changeable(r);
        var body = r.json();
        String note = body.path("note").asText("");
        if (note.isBlank()) {
            throw ApiException.invalid("note", "This field may not be blank.");
        }
        services.documents().addNote(r.id(), note, r.user().name());
        return Reply.ok(DocumentJson.notes(document(r).notes()));
    }

    /** {@code ?id=} names the note, as paperless-ngx; answers the notes left. */
    private Reply deleteNote(ApiRequest r) {
        changeable(r);
        long note = r.number("id").orElseThrow(() -> ApiException.invalid("id", "This field is required: the note's id."));
        if (!services.documents().deleteNote(r.id(), note)) {
            throw ApiException.detail(404, "No Note matches the given query.");
        }
        return Reply.ok(DocumentJson.notes(document(r).notes()));
    }

    private Reply suggestions(ApiRequest r) {
        Document d = document(r);
        Map<String, Object> json = new LinkedHashMap<>();
        var matcher = services.matcher;
        var matches = matcher == null ? org.paperless.api.matching.Matches.NONE : matcher.match(d.content());
        json.put("correspondents", matches.correspondents());
        json.put("tags", matches.tags());
        json.put("document_types", matches.documentTypes());
        json.put("storage_paths", matches.storagePaths());
        json.put("dates", d.created() == null ? List.of() : List.of(d.created().toString()));
        return Reply.ok(json);
    }

    private Reply nextAsn(ApiRequest r) {
        DocumentQuery.Page top = services.documents().query(new DocumentQuery(
                List.of(new DocumentQuery.SerialNumberIsNull(false)),
                List.of(new DocumentQuery.Order(DocumentQuery.OrderField.ARCHIVE_SERIAL_NUMBER, true)), 0, 1, false));
        long next = top.documents().isEmpty() ? 1 : top.documents().get(0).archiveSerialNumber() + 1;
        return Reply.ok(next);
    }
}
