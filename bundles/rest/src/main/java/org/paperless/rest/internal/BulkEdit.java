package org.paperless.rest.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.paperless.api.Document;
import org.paperless.api.security.Access;
import org.paperless.api.security.Grants;
import org.paperless.api.security.ObjectType;
import org.paperless.api.storage.DocumentQuery;

/**
 * {@code POST /api/documents/bulk_edit/}: one change to many documents, as paperless-ngx's
 * {@code {"documents": [...], "method": ..., "parameters": {...}}}. Every id and every object is checked first;
 * then the change is stored in one batch and each document's event follows, so the index and the renamer catch up.
 */
final class BulkEdit {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BulkEdit.class);

    /** The most documents one request changes. */
    static final int MAX_DOCUMENTS = 100_000;

    private final Services services;
    private final Permissions permissions;
    private final java.util.function.Consumer<Runnable> background;
    private final PageOperations pages;

    /**
     * @param background runs reprocessing after the request is answered
     * @param uploads consumes the documents that merging and splitting make
     */
    BulkEdit(Services services, java.util.function.Consumer<Runnable> background, Uploads uploads) {
        this.services = services;
        this.background = background;
        this.pages = new PageOperations(services, uploads);
        this.permissions = new Permissions(services);
    }

    void routes(List<Route> routes) {
        routes.add(Route.of("POST", "/documents/bulk_edit/", this::edit));
    }

    private Reply edit(ApiRequest r) throws IOException {
        ObjectNode body = r.json();
        List<Long> ids = ids(body.get("documents"));
        String method = body.path("method").asText("");
        JsonNode p = body.path("parameters");
        List<Document> documents = load(ids, r);
        Map<Long, Access> access = permissions.of(documents);
        boolean owning = method.equals("delete") || method.equals("set_permissions")
                || (method.equals("merge") || method.equals("split")) && p.path("delete_originals").asBoolean(false);
        for (Document d : documents) {
            Access a = access.get(d.id());
            if (owning ? !a.governs(r.user()) : !a.changes(r.user())) {
                throw ApiException.detail(403, owning ? Permissions.INSUFFICIENT : Permissions.FORBIDDEN);
            }
        }
        switch (method) {
            case "set_correspondent" -> change(documents, reference(p, "correspondent", services.correspondents()),
                    (d, id) -> with(d, id, d.documentTypeId(), d.storagePathId(), d.tagIds()));
            case "set_document_type" -> change(documents, reference(p, "document_type", services.documentTypes()),
                    (d, id) -> with(d, d.correspondentId(), id, d.storagePathId(), d.tagIds()));
            case "set_storage_path" -> change(documents, reference(p, "storage_path", services.storagePaths()),
                    (d, id) -> with(d, d.correspondentId(), d.documentTypeId(), id, d.tagIds()));
            case "add_tag" -> tags(documents, Set.of(tag(p, "tag")), Set.of());
            case "remove_tag" -> tags(documents, Set.of(), Set.of(tag(p, "tag")));
            case "modify_tags" -> tags(documents, tagList(p, "add_tags"), tagList(p, "remove_tags"));
            case "delete" -> services.documents().moveToTrash(ids);
            case "set_permissions" -> setPermissions(documents, access, p);
            case "modify_custom_fields" -> modifyCustomFields(documents, p, r);
            case "reprocess" -> reprocess(ids);
            case "merge" -> pages.merge(ids.stream().map(id -> documents.stream().filter(d -> d.id().equals(id))
                    .findFirst().orElseThrow()).toList(), p, r.user().name());
            case "split" -> {
                if (documents.size() != 1) {
                    throw ApiException.invalid("documents", "Split method only supports one document");
                }
                pages.split(documents.get(0), p, r.user().name());
            }
            default -> throw ApiException.invalid("method", "\"" + method + "\" is not a valid choice; this version "
                    + "takes set_correspondent, set_document_type, set_storage_path, add_tag, remove_tag, "
                    + "modify_tags, modify_custom_fields, reprocess, merge, split, delete, set_permissions.");
        }
        return Reply.ok(Map.of("result", "OK"));
    }

    /**
     * paperless-ngx's set_permissions: the owner becomes the one given (none when not given), or with {@code merge}
     * only documents without an owner get it; the grants are replaced, or added to with {@code merge}.
     */
    private void setPermissions(List<Document> documents, Map<Long, Access> access, JsonNode p) {
        if (!p.isObject()) {
            throw ApiException.invalid("parameters", "set_permissions needs parameters");
        }
        boolean merge = p.path("merge").asBoolean(false);
        String owner = permissions.owner(p.get("owner"));
        JsonNode set = p.get("set_permissions");
        Map<Grants, List<Long>> byGrants = new java.util.HashMap<>();
        for (Document d : documents) {
            Grants now = access.get(d.id()).grants();
            Grants after = permissions.read(set, now, merge);
            if (!after.equals(now)) {
                byGrants.computeIfAbsent(after, g -> new ArrayList<>()).add(d.id());
            }
        }
        store(documents, d -> !merge || d.owner() == null ? DocumentChange.withOwner(d, owner) : d);
        byGrants.forEach((grants, ids) -> services.permissions().setGrants(ObjectType.DOCUMENT, ids, grants));
    }

    /**
     * paperless-ngx's modify_custom_fields: {@code add_custom_fields} as a list of ids (added without a value where a
     * document lacks them) or an object of id to value (set on every document), then {@code remove_custom_fields}.
     */
    private void modifyCustomFields(List<Document> documents, JsonNode p, ApiRequest r) {
        for (String field : List.of("add_custom_fields", "remove_custom_fields")) {
            if (!p.isObject() || !p.has(field)) {
                throw ApiException.invalid("parameters", field + " not specified");
            }
        }
        CustomFieldJson fields = Visibility.customFields(services, r.user());
        Set<Long> attach = new LinkedHashSet<>();
        Map<Long, String> values = fields.idsOrValues(p.get("add_custom_fields"), "add_custom_fields", attach);
        Set<Long> remove = new LinkedHashSet<>();
        if (!fields.idsOrValues(p.get("remove_custom_fields"), "remove_custom_fields", remove).isEmpty()) {
            throw ApiException.invalid("remove_custom_fields", "remove_custom_fields must be a list of integers");
        }
        services.documents().modifyCustomFields(documents.stream().map(Document::id).toList(), values, attach, remove);
        if (documents.size() <= MAX_MIRRORED) {
            for (Document d : documents) {
                DocumentLinks.reflect(services, fields.fields(), d, values, remove);
            }
        }
    }

    /** The most documents whose document links a bulk edit mirrors on the documents they link to. */
    private static final int MAX_MIRRORED = 1_000;

    /**
     * paperless-ngx's reprocess: each document's original is read again by the parsers of consumption (its content,
     * archive copy and thumbnail made anew), one after the other, after the answer; what fails is logged.
     */
    private void reprocess(List<Long> ids) {
        org.paperless.api.maintenance.Archiver archiver = Services.need(services.archiver, "archiver", "paperless-maintenance");
        org.paperless.api.maintenance.Thumbnails thumbnails = Services.need(services.thumbnails, "thumbnail maker",
                "paperless-maintenance");
        background.accept(() -> {
            for (long id : ids) {
                try {
                    archiver.archive(id, true, org.paperless.api.backup.Progress.NONE).problems().forEach(problem ->
                            LOG.warn("Reprocessing document {}: {}", id, problem.reason()));
                    thumbnails.generate(id, org.paperless.api.backup.Progress.NONE).problems().forEach(problem ->
                            LOG.warn("Reprocessing the thumbnail of document {}: {}", id, problem.reason()));
                } catch (RuntimeException e) {
                    LOG.warn("Reprocessing document {} failed: {}", id, e.getMessage());
                }
            }
            LOG.info("Reprocessed {} documents", ids.size());
        });
    }

    private interface Change {
        Document apply(Document d, Long id);
    }

    private void change(List<Document> documents, Long id, Change change) {
        store(documents, d -> change.apply(d, id));
    }

    private void tags(List<Document> documents, Set<Long> add, Set<Long> remove) {
        store(documents, d -> {
            Set<Long> tags = new LinkedHashSet<>(d.tagIds());
            tags.removeAll(remove);
            tags.addAll(add);
            return with(d, d.correspondentId(), d.documentTypeId(), d.storagePathId(), tags);
        });
    }

    private void store(List<Document> documents, UnaryOperator<Document> change) {
        List<Document> changed = new ArrayList<>();
        for (Document d : documents) {
            Document after = change.apply(d);
            if (!after.equals(d)) {
                changed.add(after);
            }
        }
        services.documents().updateAll(changed);
    }

    private static Document with(Document d, Long correspondent, Long type, Long path, Set<Long> tags) {
        return new Document(d.id(), d.title(), d.content(), correspondent, type, path, tags, d.created(), d.modified(),
                d.added(), d.checksum(), d.archiveChecksum(), d.archiveSerialNumber(), d.filename(), d.archiveFilename(),
                d.originalFilename(), d.mimeType(), d.pageCount(), d.owner(), d.notes(), d.customFields());
    }

    private static List<Long> ids(JsonNode documents) {
        if (documents == null || !documents.isArray() || documents.isEmpty()) {
            throw ApiException.invalid("documents", "This field is required: a list of document ids.");
        }
        if (documents.size() > MAX_DOCUMENTS) {
            throw ApiException.invalid("documents", "At most " + MAX_DOCUMENTS + " documents at once.");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (JsonNode id : documents) {
            if (!id.canConvertToLong() || !id.isIntegralNumber() || !ids.add(id.asLong())) {
                throw ApiException.invalid("documents", "Some documents in " + documents
                        + " don't exist or were specified twice.");
            }
        }
        return List.copyOf(ids);
    }

    /** The documents, all of which must exist outside the trash. */
    private List<Document> load(List<Long> ids, ApiRequest r) {
        List<Document> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += DocumentQuery.MAX_VALUES) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + DocumentQuery.MAX_VALUES));
            List<DocumentQuery.Criterion> criteria = new ArrayList<>(Visibility.criteria(r.user()));
            criteria.add(new DocumentQuery.IdIn(Set.copyOf(chunk)));
            found.addAll(services.documents().query(new DocumentQuery(criteria, List.of(), 0, chunk.size(), false))
                    .documents());
        }
        if (found.size() != ids.size()) {
            throw ApiException.invalid("documents", "Some documents in " + ids + " don't exist or were specified twice.");
        }
        return found;
    }

    private static Long reference(JsonNode parameters, String field, org.paperless.api.storage.ObjectRepository<?> repository) {
        if (!parameters.isObject() || !parameters.has(field)) {
            throw ApiException.invalid("parameters", field + " not specified");
        }
        return DocumentChange.reference((ObjectNode) parameters, field, repository);
    }

    private long tag(JsonNode parameters, String field) {
        Long id = reference(parameters, field, services.tags());
        if (id == null) {
            throw ApiException.invalid("parameters", field + " must be a tag id");
        }
        return id;
    }

    private Set<Long> tagList(JsonNode parameters, String field) {
        if (!parameters.isObject() || !parameters.has(field)) {
            throw ApiException.invalid("parameters", field + " not specified");
        }
        return DocumentChange.tags(parameters.get(field), services);
    }
}
