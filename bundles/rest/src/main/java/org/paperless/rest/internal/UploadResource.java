package org.paperless.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import javax.servlet.ServletException;

import com.fasterxml.jackson.databind.JsonNode;
import javax.servlet.http.Part;

import org.paperless.api.Document;
import org.paperless.api.consumer.ConsumeOverrides;

/** {@code POST /api/documents/post_document/} and {@code /api/tasks/}: uploads consumed in the background. */
final class UploadResource {

    /** The longest file name kept; longer ones are cut (keeping the extension). */
    static final int MAX_NAME = 200;

    private final Services services;
    private final Uploads uploads;
    private final long maxBytes;

    UploadResource(Services services, Uploads uploads, long maxBytes) {
        this.services = services;
        this.uploads = uploads;
        this.maxBytes = maxBytes;
    }

    void routes(List<Route> routes) {
        routes.add(Route.of("POST", "/documents/post_document/", this::upload));
        routes.add(Route.of("GET", "/tasks/", this::tasks));
        routes.add(Route.of("GET", "/tasks/{id}/", r -> Reply.ok(uploads.find(r.id())
                .orElseThrow(() -> ApiException.detail(404, "No PaperlessTask matches the given query.")).json(r.version()))));
        routes.add(Route.of("POST", "/tasks/acknowledge/", this::acknowledge));
    }

    private Reply upload(ApiRequest r) throws IOException, ServletException {
        long length = r.http().getContentLengthLong();
        if (length < 0) {
            throw ApiException.detail(411, "Send the upload with a Content-Length.");
        }
        if (length > maxBytes) {
            throw ApiException.detail(413, "The upload is larger than the limit of " + maxBytes / (1024 * 1024)
                    + " MB (PAPERLESS_MAX_UPLOAD_MB).");
        }
        String type = Optional.ofNullable(r.http().getContentType()).orElse("");
        if (!type.toLowerCase().startsWith("multipart/form-data")) {
            throw ApiException.detail(415, "Unsupported media type \"" + type + "\" in request; send multipart/form-data.");
        }
        Part document = r.http().getPart("document");
        if (document == null || document.getSize() == 0) {
            throw ApiException.invalid("document", "No file was submitted.");
        }
        String title = field(r, "title");
        String correspondent = reference(r, "correspondent", services.correspondents());
        String documentType = reference(r, "document_type", services.documentTypes());
        String storagePath = reference(r, "storage_path", services.storagePaths());
        List<String> tags = new ArrayList<>();
        for (Part p : r.http().getParts()) {
            if (p.getName().equals("tags")) {
                String id = text(p).trim();
                if (!id.matches("\\d{1,18}") || services.tags().find(Long.parseLong(id)).isEmpty()) {
                    throw ApiException.invalid("tags", "Invalid pk \"" + id + "\" - object does not exist.");
                }
                tags.add(id);
            }
        }
        String createdText = field(r, "created");
        LocalDate created = createdText == null ? null : ApiRequest.parseDate("created", createdText);
        String asnText = field(r, "archive_serial_number");
        Long asn = null;
        if (asnText != null) {
            if (!asnText.matches("\\d{1,10}") || Long.parseLong(asnText) > Document.MAX_ASN) {
                throw ApiException.invalid("archive_serial_number", "Ensure this value is between 0 and " + Document.MAX_ASN + ".");
            }
            asn = Long.parseLong(asnText);
        }
        Long serial = asn;
        Set<Long> attach = new LinkedHashSet<>();
        Map<Long, String> fieldValues = customFields(r, attach);
        ConsumeOverrides overrides = new ConsumeOverrides(title, correspondent, documentType, tags, storagePath);
        UploadTask task;
        try (InputStream in = document.getInputStream()) {
            task = uploads.submit(fileName(document.getSubmittedFileName()), in, r.user().name(), overrides,
                    // The uploader owns the document, as in paperless-ngx; the date and number given are set too.
                    stored -> {
                        Document owned = services.documents().update(new Document(
                            stored.id(), stored.title(), stored.content(), stored.correspondentId(),
                            stored.documentTypeId(), stored.storagePathId(), stored.tagIds(),
                            created == null ? stored.created() : created, stored.modified(), stored.added(),
                            stored.checksum(), stored.archiveChecksum(), serial == null ? stored.archiveSerialNumber() : serial,
                            stored.filename(), stored.archiveFilename(), stored.originalFilename(), stored.mimeType(),
                            stored.pageCount(), r.user().name(), stored.notes(), stored.customFields()));
                        if (fieldValues.isEmpty() && attach.isEmpty()) {
                            return owned;
                        }
                        services.documents().modifyCustomFields(List.of(owned.id()), fieldValues, attach, Set.of());
                        return services.documents().find(owned.id()).orElse(owned);
                    });
        } finally {
            document.delete();
        }
        return Reply.ok(task.taskId);
    }

    /**
     * {@code custom_fields} as paperless-ngx takes it in an upload: JSON, a list of field ids (added without a
     * value), one id, or an object of id to value; checked before the file is taken.
     */
    private Map<Long, String> customFields(ApiRequest r, Set<Long> attach) throws IOException, ServletException {
        Map<Long, String> values = new LinkedHashMap<>();
        CustomFieldJson fields = null;
        for (Part p : r.http().getParts()) {
            if (p.getName().equals("custom_fields")) {
                String text = text(p).strip();
                if (text.isEmpty()) {
                    continue;
                }
                JsonNode given;
                try {
                    given = Json.MAPPER.readTree(text);
                } catch (IOException e) {
                    throw ApiException.invalid("custom_fields",
                            "Custom fields must be a list of integers or an object mapping ids to values.");
                }
                fields = fields == null ? Visibility.customFields(services, r.user()) : fields;
                values.putAll(fields.idsOrValues(given, "custom_fields", attach));
            }
        }
        return values;
    }

    /** The last path element of the name the client gave, without control characters, not empty. */
    static String fileName(String submitted) {
        String name = submitted == null ? "" : submitted.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "upload";
        }
        if (name.length() > MAX_NAME) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_NAME - ext.length()) + ext;
        }
        return name;
    }

    private static String field(ApiRequest r, String name) throws IOException, ServletException {
        Part p = r.http().getPart(name);
        if (p == null) {
            return null;
        }
        String value = text(p).strip();
        return value.isEmpty() ? null : value;
    }

    private static String text(Part p) throws IOException {
        if (p.getSize() > 10_000) {
            throw ApiException.invalid(p.getName(), "Ensure this field has no more than 10000 characters.");
        }
        try (InputStream in = p.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String reference(ApiRequest r, String name, org.paperless.api.storage.ObjectRepository<?> repository)
            throws IOException, ServletException {
        String id = field(r, name);
        if (id == null) {
            return null;
        }
        if (!id.matches("\\d{1,18}") || repository.find(Long.parseLong(id)).isEmpty()) {
            throw ApiException.invalid(name, "Invalid pk \"" + id + "\" - object does not exist.");
        }
        return id;
    }

    private Reply tasks(ApiRequest r) {
        Optional<String> taskId = r.param("task_id");
        List<UploadTask> list = uploads.list().stream()
                .filter(t -> taskId.isEmpty() || t.taskId.equals(taskId.get()))
                .filter(t -> r.flag("acknowledged").map(a -> a == t.acknowledged()).orElse(true))
                .filter(t -> r.user().admin() || r.user().name().equals(t.owner) || t.owner == null)
                .toList();
        if (r.version() < 10) {
            return Reply.ok(list.stream().map(t -> t.json(9)).toList());
        }
        Paging paging = Paging.of(r);
        paging.check(list.size());
        List<UploadTask> page = list.subList(Math.min(paging.offset(), list.size()),
                Math.min(paging.offset() + paging.size(), list.size()));
        return Reply.ok(paging.answer(r, "", list.size(), null, page.stream().map(t -> t.json(10)).toList()));
    }

    private Reply acknowledge(ApiRequest r) throws IOException {
        var body = r.json();
        boolean all = body.path("all").asBoolean(false);
        if (all == body.path("tasks").isArray()) {
            throw ApiException.invalid("non_field_errors", all ? "Set either all or tasks, not both."
                    : "Either all must be true or tasks must be provided.");
        }
        if (all) {
            uploads.list().forEach(UploadTask::acknowledge);
            return Reply.ok(java.util.Map.of("result", uploads.list().size()));
        }
        int n = 0;
        for (var id : body.get("tasks")) {
            if (id.canConvertToLong()) {
                Optional<UploadTask> task = uploads.find(id.asLong());
                if (task.isPresent()) {
                    task.get().acknowledge();
                    n++;
                }
            }
        }
        return Reply.ok(java.util.Map.of("result", n));
    }
}
