package org.paperless.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.paperless.api.CustomFieldInstance;
import org.paperless.api.Document;
import org.paperless.api.Note;
import org.paperless.api.security.ApiUser;

/** A document as paperless-ngx's document serializer writes it. */
final class DocumentJson {

    private DocumentJson() {
    }

    static Map<String, Object> of(Document d, ApiUser user, List<String> fields, PublicNames names) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", d.id());
        json.put("correspondent", d.correspondentId());
        json.put("document_type", d.documentTypeId());
        json.put("storage_path", d.storagePathId());
        json.put("title", d.title());
        json.put("content", d.content());
        json.put("tags", d.tagIds().stream().sorted().toList());
        json.put("created", JsonDates.day(d.created()));
        json.put("created_date", JsonDates.day(d.created()));
        json.put("modified", JsonDates.moment(d.modified()));
        json.put("added", JsonDates.moment(d.added()));
        json.put("deleted_at", null);
        json.put("archive_serial_number", d.archiveSerialNumber());
        json.put("original_file_name", d.originalFilename());
        json.put("archived_file_name", d.archiveFilename() == null ? null : names.of(d, true));
        json.put("owner", Users.id(d.owner()));
        json.put("user_can_change", Visibility.changes(user, d));
        json.put("is_shared_by_requester", false);
        json.put("notes", notes(d.notes()));
        json.put("custom_fields", customFields(d.customFields()));
        json.put("page_count", d.pageCount());
        json.put("mime_type", d.mimeType());
        if (!fields.isEmpty()) {
            json.keySet().retainAll(fields);
        }
        return json;
    }

    /** The first characters of the content that lists show with {@code truncate_content=true}, as paperless-ngx. */
    static final int TRUNCATED_CONTENT = 550;

    /** The document's JSON as a list shows it: with its content cut when the client asked for that. */
    static Map<String, Object> listed(Document d, ApiRequest r, List<String> fields, PublicNames names) {
        Map<String, Object> json = of(d, r.user(), fields, names);
        if (r.flag("truncate_content").orElse(false) && json.get("content") instanceof String content
                && content.length() > TRUNCATED_CONTENT) {
            json.put("content", content.substring(0, TRUNCATED_CONTENT));
        }
        return json;
    }

    static List<Map<String, Object>> notes(List<Note> notes) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Note n : notes) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", n.id());
            json.put("note", n.text());
            json.put("created", JsonDates.moment(n.created()));
            json.put("user", Users.summary(n.user()));
            list.add(json);
        }
        return list;
    }

    private static List<Map<String, Object>> customFields(List<CustomFieldInstance> fields) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (CustomFieldInstance f : fields) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("value", f.value());
            json.put("field", f.fieldId());
            list.add(json);
        }
        return list;
    }
}
