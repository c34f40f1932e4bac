package org.paperless.backup.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import org.paperless.api.mail.MailCodes;
import org.paperless.api.Correspondent;
import org.paperless.api.CustomField;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.CustomFieldType;
import org.paperless.api.Document;
import org.paperless.api.DocumentType;
import org.paperless.api.Matching;
import org.paperless.api.MatchingAlgorithm;
import org.paperless.api.Note;
import org.paperless.api.StoragePath;
import org.paperless.api.Tag;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailRule;

/** Manifest records (ours and paperless-ngx's) read back into records of this instance, ids mapped. */
final class RecordMapping {

    private RecordMapping() {
    }

    static Correspondent correspondent(JsonNode r) {
        return new Correspondent(null, name(r), matching(r));
    }

    static DocumentType documentType(JsonNode r) {
        return new DocumentType(null, name(r), matching(r));
    }

    static StoragePath storagePath(JsonNode r) {
        return new StoragePath(null, name(r), r.path("fields").path("path").asText(), matching(r));
    }

    /** paperless-ngx 2.x nests with tn_parent (django-treenode); older exports may say parent. */
    static Long tagParent(JsonNode r) {
        JsonNode fields = r.path("fields");
        JsonNode parent = fields.has("tn_parent") ? fields.get("tn_parent") : fields.path("parent");
        return parent.isNumber() ? parent.asLong() : null;
    }

    static Tag tag(JsonNode r, Long parentId) {
        JsonNode fields = r.path("fields");
        return new Tag(null, name(r), matching(r), text(fields, "color"), fields.path("is_inbox_tag").asBoolean(false),
                parentId);
    }

    /**
     * With its extra_data: a select field's options (since paperless-ngx 2.13 with ids; before, labels whose
     * position documents refer to) and a monetary field's default currency. Options this collection cannot keep
     * apart (the same label twice, ignoring case) become one.
     */
    static CustomField customField(JsonNode r) {
        JsonNode extra = r.path("fields").path("extra_data");
        List<CustomField.SelectOption> options = new java.util.ArrayList<>();
        Set<String> labels = new java.util.HashSet<>();
        for (JsonNode o : extra.path("select_options")) {
            String label = (o.isTextual() ? o.asText() : o.path("label").asText("")).strip();
            label = label.length() > 128 ? label.substring(0, 128) : label;
            String id = o.path("id").isValueNode() && !o.path("id").isNull() ? o.path("id").asText() : null;
            if (!label.isEmpty() && labels.add(label.toLowerCase(java.util.Locale.ROOT))) {
                options.add(new CustomField.SelectOption(id != null && id.length() <= 128 ? id : null, label));
            }
        }
        String currency = extra.path("default_currency").asText("");
        return new CustomField(null, name(r), CustomFieldType.parse(r.path("fields").path("data_type").asText("string")),
                options, currency.matches("[A-Za-z]{3}") ? currency : null);
    }

    /**
     * @param extraData the field's extra_data: a select field's options, whose label is kept (paperless-ngx
     *        refers to an option by its id, or before 2.13 by its position)
     */
    static CustomFieldInstance fieldValue(JsonNode r, long fieldId, CustomFieldType type, JsonNode extraData) {
        JsonNode value = r.path("fields").path(CustomFieldValues.column(type));
        String text;
        try {
            if (value.isMissingNode() || value.isNull()) {
                text = null;
            } else if (type == CustomFieldType.SELECT) {
                text = selectLabel(value, extraData.path("select_options"));
            } else if (value.isArray()) {
                text = StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining(","));
            } else if (value.isNumber()) {
                text = NumberBounds.plain(value.decimalValue(), type);
            } else {
                text = NumberBounds.plainText(value.asText(), type);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Refused: the custom field value " + r.path("pk").asText() + " of document "
                    + r.path("fields").path("document").asText() + " in the manifest is out of range: " + e.getMessage());
        }
        return new CustomFieldInstance(null, 0, fieldId, text);
    }

    private static String selectLabel(JsonNode value, JsonNode options) {
        if (value.isNumber() && options.has(value.asInt())) {
            JsonNode option = options.get(value.asInt());
            return (option.isTextual() ? option.asText() : option.path("label").asText(value.asText())).strip();
        }
        for (JsonNode option : options) {
            if (option.path("id").asText().equals(value.asText())) {
                return option.path("label").asText(value.asText()).strip();
            }
        }
        return value.asText();
    }

    /** Ours name the author; paperless-ngx refers to a user record. */
    static Note note(JsonNode r, Map<Long, String> users) {
        JsonNode fields = r.path("fields");
        String user = r.hasNonNull(ManifestFiles.NOTE_USER) ? r.get(ManifestFiles.NOTE_USER).asText()
                : fields.path("user").isNumber() ? users.get(fields.get("user").asLong()) : null;
        return new Note(null, 0, fields.path("note").asText(""), instant(fields.path("created")), user);
    }

    /** The document with this instance's ids; files are named later, once its id is known. */
    static Document document(JsonNode r, IdMaps ids, List<Note> notes, List<CustomFieldInstance> values,
            Map<Long, String> users) {
        JsonNode f = r.path("fields");
        Set<Long> tags = StreamSupport.stream(f.path("tags").spliterator(), false).map(JsonNode::asLong)
                .map(ids.tags()::get).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        return new Document(null, f.path("title").asText("untitled"), text(f, "content"),
                ids.correspondents().get(id(f, "correspondent")), ids.types().get(id(f, "document_type")),
                ids.paths().get(id(f, "storage_path")), tags, date(f.path("created")), instant(f.path("modified")),
                instant(f.path("added")), text(f, "checksum"), text(f, "archive_checksum"), id(f, "archive_serial_number"),
                text(f, "filename"), text(f, "archive_filename"), text(f, "original_filename"), text(f, "mime_type"),
                f.path("page_count").isNumber() ? f.get("page_count").asInt() : null, owner(f.path("owner"), users),
                notes, values);
    }

    /** paperless-ngx's IMAP account; a missing field takes paperless-ngx's default. */
    static MailAccount mailAccount(JsonNode r, String name, String password) {
        JsonNode f = r.path("fields");
        Integer port = f.path("imap_port").isNumber() ? f.get("imap_port").asInt() : null;
        return new MailAccount(null, name, text(f, "imap_server"), port,
                MailCodes.choice(MailCodes.SECURITY, f.path("imap_security").asInt(2), "imap_security"),
                text(f, "username"), password, text(f, "character_set"));
    }

    /**
     * paperless-ngx's mail rule, its account, tags, type and correspondent still the export's pks; a missing
     * field takes paperless-ngx's default. A rule that takes its correspondent from one that is gone (null)
     * assigns none, as paperless-ngx then does.
     */
    static MailRule mailRule(JsonNode r, String name) {
        JsonNode f = r.path("fields");
        List<Long> tags = StreamSupport.stream(f.path("assign_tags").spliterator(), false).map(JsonNode::asLong).toList();
        Long correspondent = id(f, "assign_correspondent");
        MailRule.CorrespondentSource from = MailCodes.choice(MailCodes.CORRESPONDENT,
                f.path("assign_correspondent_from").asInt(1), "assign_correspondent_from");
        if (from == MailRule.CorrespondentSource.CUSTOM && correspondent == null) {
            from = MailRule.CorrespondentSource.NOTHING;
        }
        return new MailRule(null, f.path("account").asLong(), name, f.path("order").asInt(0),
                f.path("enabled").asBoolean(true), text(f, "folder"), text(f, "filter_from"), text(f, "filter_to"),
                text(f, "filter_subject"), text(f, "filter_body"), text(f, "filter_attachment_filename_include"),
                text(f, "filter_attachment_filename_exclude"), f.path("maximum_age").asInt(30),
                MailCodes.choice(MailCodes.ATTACHMENT_TYPE, f.path("attachment_type").asInt(1), "attachment_type"),
                MailCodes.choice(MailCodes.SCOPE, f.path("consumption_scope").asInt(1), "consumption_scope"),
                MailCodes.choice(MailCodes.TITLE, f.path("assign_title_from").asInt(1), "assign_title_from"),
                from, correspondent, id(f, "assign_document_type"), tags,
                MailCodes.choice(MailCodes.ACTION, f.path("action").asInt(3), "action"), text(f, "action_parameter"),
                f.path("stop_processing").asBoolean(false));
    }

    static Long id(JsonNode fields, String name) {
        JsonNode value = fields.path(name);
        return value.isNumber() ? value.asLong() : null;
    }

    private static String owner(JsonNode owner, Map<Long, String> users) {
        if (owner.isNumber()) {
            return users.get(owner.asLong()); // paperless-ngx: a user's pk
        }
        return owner.isTextual() ? owner.asText() : null;
    }

    private static String name(JsonNode r) {
        return r.path("fields").path("name").asText();
    }

    private static Matching matching(JsonNode r) {
        JsonNode f = r.path("fields");
        return new Matching(f.path("match").asText(""), MatchingAlgorithm.fromCode(f.path("matching_algorithm").asInt(1)),
                f.path("is_insensitive").asBoolean(true));
    }

    private static String text(JsonNode fields, String name) {
        JsonNode value = fields.path(name);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    /** A date, or (paperless-ngx 2.x) a timestamp taken as the day it was where this instance runs. */
    static LocalDate date(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        String text = value.asText();
        if (text.length() == 10) {
            return LocalDate.parse(text);
        }
        return OffsetDateTime.parse(text.replace(' ', 'T')).atZoneSameInstant(ZoneId.systemDefault()).toLocalDate();
    }

    static Instant instant(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        return OffsetDateTime.parse(value.asText().replace(' ', 'T')).toInstant();
    }
}
