package org.paperless.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.paperless.api.CustomField;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.Document;
import org.paperless.api.Note;
import org.paperless.api.security.Access;
import org.paperless.api.security.ApiUser;

/** A document as paperless-ngx's document serializer writes it. */
final class DocumentJson {

    private DocumentJson() {
    }

    /** Who asks and what they asked for, the same for every document of an answer. */
    /**
     * Who asks and what they asked for, the same for every document of an answer.
     *
     * @param customFields the custom field definitions, read once, and only when a document of the answer has values
     */
    record View(ApiUser user, List<String> fields, PublicNames names, java.util.function.Supplier<Map<Long, CustomField>> customFields,
            boolean fullPermissions, boolean truncate) {
        static View of(ApiRequest r, Services services) {
            return new View(r.user(), r.fields(), PublicNames.of(services.correspondents()), once(() -> customFields(services)),
                    r.flag("full_perms").orElse(false), r.flag("truncate_content").orElse(false));
        }

        static Map<Long, CustomField> customFields(Services services) {
            Map<Long, CustomField> fields = new java.util.HashMap<>();
            if (services.customFields != null) {
                services.customFields.list().forEach(f -> fields.put(f.id(), f));
            }
            return fields;
        }

        static java.util.function.Supplier<Map<Long, CustomField>> once(java.util.function.Supplier<Map<Long, CustomField>> read) {
            return new java.util.function.Supplier<>() {
                private Map<Long, CustomField> value;

                @Override
                public synchronized Map<Long, CustomField> get() {
                    if (value == null) {
                        value = read.get();
                    }
                    return value;
                }
            };
        }

        View whole() {
            return new View(user, List.of(), names, customFields, fullPermissions, false);
        }
    }

    static Map<String, Object> of(Document d, Access access, View view) {
        ApiUser user = view.user();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", d.id());
        json.put("correspondent", d.correspondentId());
        json.put("document_type", d.documentTypeId());
        json.put("storage_path", d.storagePathId());
        json.put("title", d.title());
        json.put("content", EncodedTexts.of(d.content(), view.truncate()));
        json.put("tags", d.tagIds().stream().sorted().toList());
        json.put("created", JsonDates.day(d.created()));
        json.put("created_date", JsonDates.day(d.created()));
        json.put("modified", JsonDates.moment(d.modified()));
        json.put("added", JsonDates.moment(d.added()));
        json.put("deleted_at", null);
        json.put("archive_serial_number", d.archiveSerialNumber());
        json.put("original_file_name", d.originalFilename());
        json.put("archived_file_name", d.archiveFilename() == null ? null : view.names().of(d, true));
        json.put("owner", Users.id(d.owner()));
        if (view.fullPermissions()) {
            json.put("permissions", Permissions.json(access));
        } else {
            json.put("user_can_change", access.changes(user));
            json.put("is_shared_by_requester", Permissions.sharedBy(user, access));
        }
        json.put("notes", notes(d.notes()));
        json.put("custom_fields", d.customFields().isEmpty() ? List.of() : customFields(d.customFields(), view.customFields().get()));
        json.put("page_count", d.pageCount());
        json.put("mime_type", d.mimeType());
        if (!view.fields().isEmpty()) {
            json.keySet().retainAll(view.fields());
        }
        return json;
    }

    /** The first characters of the content that lists show with {@code truncate_content=true}, as paperless-ngx. */
    static final int TRUNCATED_CONTENT = 550;

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

    private static List<Map<String, Object>> customFields(List<CustomFieldInstance> fields, Map<Long, CustomField> defined) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (CustomFieldInstance f : fields) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("value", CustomFieldJson.value(defined.get(f.fieldId()), f.value()));
            json.put("field", f.fieldId());
            list.add(json);
        }
        return list;
    }
}
