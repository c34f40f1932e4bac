package org.paperless.rest.internal;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.paperless.api.Document;
import org.paperless.api.storage.ObjectRepository;

/**
 * A PATCH or PUT of a document: the writable fields it names are applied, the read-only ones it echoes back (a
 * client sending the whole object) are ignored, and anything else is refused, so a typo never passes silently.
 */
final class DocumentChange {

    static final Set<String> WRITABLE = Set.of("title", "content", "correspondent", "document_type", "storage_path",
            "tags", "created", "created_date", "archive_serial_number", "custom_fields");
    static final Set<String> READ_ONLY = Set.of("id", "modified", "added", "deleted_at", "original_file_name",
            "archived_file_name", "owner", "user_can_change", "is_shared_by_requester", "notes",
            "page_count", "mime_type", "set_permissions", "permissions", "remove_inbox_tags", "__search_hit__");

    private DocumentChange() {
    }

    static Document apply(Document d, ObjectNode body, Services services, boolean whole) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!WRITABLE.contains(name) && !READ_ONLY.contains(name)) {
                throw ApiException.invalid(name, "Unknown field; writable fields are " + new java.util.TreeSet<>(WRITABLE));
            }
        }
        if (whole && !body.has("title")) {
            throw ApiException.invalid("title", "This field is required.");
        }
        String title = body.has("title") ? text(body, "title") : d.title();
        if (title.isBlank()) {
            throw ApiException.invalid("title", "This field may not be blank.");
        }
        String content = d.content();
        if (body.has("content") && !text(body, "content").equals(d.content())) {
            // The storage keeps the text the parser extracted; a client sending the whole object back is fine.
            throw ApiException.invalid("content", "Changing the content is not supported yet; it stays as extracted.");
        }
        Long correspondent = body.has("correspondent") ? reference(body, "correspondent", services.correspondents()) : d.correspondentId();
        Long type = body.has("document_type") ? reference(body, "document_type", services.documentTypes()) : d.documentTypeId();
        Long path = body.has("storage_path") ? reference(body, "storage_path", services.storagePaths()) : d.storagePathId();
        Set<Long> tags = body.has("tags") ? tags(body.get("tags"), services) : d.tagIds();
        LocalDate created = d.created();
        String dateField = body.has("created") ? "created" : body.has("created_date") ? "created_date" : null;
        if (dateField != null) {
            created = body.get(dateField).isNull() ? null : ApiRequest.parseDate(dateField, text(body, dateField));
        }
        Long asn = d.archiveSerialNumber();
        if (body.has("archive_serial_number")) {
            JsonNode value = body.get("archive_serial_number");
            if (!value.isNull() && !value.canConvertToLong()) {
                throw ApiException.invalid("archive_serial_number", "A valid integer is required.");
            }
            asn = value.isNull() ? null : value.asLong();
            if (asn != null && (asn < 0 || asn > Document.MAX_ASN)) {
                throw ApiException.invalid("archive_serial_number", "Ensure this value is between 0 and " + Document.MAX_ASN + ".");
            }
        }
        return new Document(d.id(), title, content, correspondent, type, path, tags, created, d.modified(), d.added(),
                d.checksum(), d.archiveChecksum(), asn, d.filename(), d.archiveFilename(), d.originalFilename(),
                d.mimeType(), d.pageCount(), d.owner(), d.notes(), d.customFields());
    }

    /**
     * The change of a document's custom fields a body asks for: exactly the fields listed, with their values (as
     * paperless-ngx, fields left out are taken off); null when the body names no {@code custom_fields}.
     */
    static FieldChange customFields(Document d, ObjectNode body, CustomFieldJson json) {
        if (!body.has("custom_fields")) {
            return null;
        }
        Map<Long, String> values = json.list(body.get("custom_fields"));
        Set<Long> remove = new LinkedHashSet<>();
        d.customFields().forEach(v -> remove.add(v.fieldId()));
        remove.removeAll(values.keySet());
        return new FieldChange(values, remove);
    }

    /** Values to set and fields to take off. */
    record FieldChange(Map<Long, String> values, Set<Long> remove) {
    }

    /** The document given to another user, or to nobody (null). */
    static Document withOwner(Document d, String owner) {
        return new Document(d.id(), d.title(), d.content(), d.correspondentId(), d.documentTypeId(), d.storagePathId(),
                d.tagIds(), d.created(), d.modified(), d.added(), d.checksum(), d.archiveChecksum(),
                d.archiveSerialNumber(), d.filename(), d.archiveFilename(), d.originalFilename(), d.mimeType(),
                d.pageCount(), owner, d.notes(), d.customFields());
    }

    private static String text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (!value.isTextual()) {
            throw ApiException.invalid(field, "Not a valid string.");
        }
        return value.asText();
    }

    /** An object's id, which must exist; null clears the reference. */
    static Long reference(ObjectNode body, String field, ObjectRepository<?> repository) {
        JsonNode value = body.get(field);
        if (value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() && !value.isTextual()) {
            throw ApiException.invalid(field, "Incorrect type. Expected pk value, received " + value.getNodeType().name().toLowerCase() + ".");
        }
        long id = value.asLong();
        if (repository.find(id).isEmpty()) {
            throw ApiException.invalid(field, "Invalid pk \"" + id + "\" - object does not exist.");
        }
        return id;
    }

    static Set<Long> tags(JsonNode value, Services services) {
        if (!value.isArray()) {
            throw ApiException.invalid("tags", "Expected a list of items but got type \"" + value.getNodeType().name().toLowerCase() + "\".");
        }
        Set<Long> ids = new LinkedHashSet<>();
        Map<Long, Boolean> known = new java.util.HashMap<>();
        services.tags().list().forEach(t -> known.put(t.id(), true));
        for (JsonNode item : value) {
            if (!item.canConvertToLong()) {
                throw ApiException.invalid("tags", "Incorrect type. Expected pk value.");
            }
            long id = item.asLong();
            if (!known.containsKey(id)) {
                throw ApiException.invalid("tags", "Invalid pk \"" + id + "\" - object does not exist.");
            }
            ids.add(id);
        }
        return ids;
    }
}
