package org.paperless.backup.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.paperless.api.mail.MailCodes;
import org.paperless.api.ClassifyingObject;
import org.paperless.api.Correspondent;
import org.paperless.api.CustomField;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.CustomFieldType;
import org.paperless.api.Document;
import org.paperless.api.DocumentType;
import org.paperless.api.Note;
import org.paperless.api.SavedView;
import org.paperless.api.StoragePath;
import org.paperless.api.Tag;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailRule;
import org.paperless.api.security.ObjectType;
import org.paperless.api.security.UserDirectory;

/** Our records in paperless-ngx's manifest shape: {@code {"model", "pk", "fields"}}, references as pks. */
final class Records {

    /** The pk of the user owning an object; null for none. */
    @FunctionalInterface
    interface OwnerPks {
        Long of(ObjectType type, long id);
    }

    private final ObjectMapper mapper;
    private final OwnerPks owners;

    Records(ObjectMapper mapper, OwnerPks owners) {
        this.mapper = mapper;
        this.owners = owners;
    }

    ObjectNode correspondent(Correspondent c) {
        return record(ManifestFiles.CORRESPONDENT, c.id(), matching(c, ObjectType.CORRESPONDENT));
    }

    ObjectNode documentType(DocumentType t) {
        return record(ManifestFiles.DOCUMENT_TYPE, t.id(), matching(t, ObjectType.DOCUMENT_TYPE));
    }

    ObjectNode storagePath(StoragePath p) {
        ObjectNode fields = matching(p, ObjectType.STORAGE_PATH);
        fields.put("path", p.path());
        return record(ManifestFiles.STORAGE_PATH, p.id(), fields);
    }

    /** paperless-ngx nests tags with django-treenode, whose parent field is tn_parent. */
    ObjectNode tag(Tag t) {
        ObjectNode fields = matching(t, ObjectType.TAG);
        fields.put("color", t.color());
        fields.put("is_inbox_tag", t.inbox());
        if (t.parentId() == null) {
            fields.putNull("tn_parent");
        } else {
            fields.put("tn_parent", t.parentId());
        }
        return record(ManifestFiles.TAG, t.id(), fields);
    }

    ObjectNode customField(CustomField f) {
        ObjectNode fields = mapper.createObjectNode();
        fields.put("name", f.name());
        fields.put("data_type", f.dataType().label());
        ObjectNode extra = fields.putObject("extra_data");
        ArrayNode options = extra.putArray("select_options");
        for (CustomField.SelectOption o : f.selectOptions()) {
            options.addObject().put("id", o.id()).put("label", o.label());
        }
        extra.put("default_currency", f.defaultCurrency());
        return record(ManifestFiles.CUSTOM_FIELD, f.id(), fields);
    }

    /** The value goes into the column paperless-ngx keeps for the field's type; a select value is its option's id. */
    ObjectNode customFieldInstance(CustomFieldInstance i, CustomField field) {
        CustomFieldType type = field.dataType();
        ObjectNode fields = mapper.createObjectNode();
        fields.put("document", i.documentId());
        fields.put("field", i.fieldId());
        String value = i.value();
        String column = CustomFieldValues.column(type);
        if (value == null) {
            fields.putNull(column);
        } else {
            switch (type) {
                case BOOLEAN -> fields.put(column, Boolean.parseBoolean(value.strip()));
                case INTEGER -> fields.put(column, new BigDecimal(value.strip()).toBigIntegerExact());
                case FLOAT -> fields.put(column, new BigDecimal(value.strip()));
                case DOCUMENTLINK -> {
                    ArrayNode ids = fields.putArray(column);
                    CustomFieldValues.documentIds(value).forEach(ids::add);
                }
                case SELECT -> fields.put(column, field.option(value).map(CustomField.SelectOption::id).orElse(value));
                default -> fields.put(column, value);
            }
        }
        return record(ManifestFiles.CUSTOM_FIELD_INSTANCE, i.id(), fields);
    }

    ObjectNode note(Note n) {
        ObjectNode fields = mapper.createObjectNode();
        fields.put("note", n.text());
        fields.put("created", timestamp(n.created()));
        fields.put("document", n.documentId());
        fields.putNull("user");
        ObjectNode record = record(ManifestFiles.NOTE, n.id(), fields);
        if (n.user() != null) {
            record.put(ManifestFiles.NOTE_USER, n.user());
        }
        return record;
    }

    ObjectNode document(Document d) {
        ObjectNode fields = mapper.createObjectNode();
        putId(fields, "correspondent", d.correspondentId());
        putId(fields, "storage_path", d.storagePathId());
        fields.put("title", d.title());
        fields.put("content", d.content());
        putId(fields, "document_type", d.documentTypeId());
        fields.put("mime_type", d.mimeType());
        fields.put("checksum", d.checksum());
        fields.put("archive_checksum", d.archiveChecksum());
        fields.put("created", d.created() == null ? null : d.created().toString());
        fields.put("modified", timestamp(d.modified()));
        fields.put("storage_type", "unencrypted");
        fields.put("added", timestamp(d.added()));
        fields.put("filename", d.filename());
        fields.put("archive_filename", d.archiveFilename());
        fields.put("original_filename", d.originalFilename());
        putId(fields, "archive_serial_number", d.archiveSerialNumber());
        // A user's pk, as paperless-ngx; the export writes the user's record before the document.
        putId(fields, "owner", d.owner() == null ? null : UserDirectory.numberOf(d.owner()));
        if (d.pageCount() == null) {
            fields.putNull("page_count");
        } else {
            fields.put("page_count", d.pageCount());
        }
        ArrayNode tags = fields.putArray("tags");
        new TreeSet<>(d.tagIds()).forEach(tags::add);
        return record(ManifestFiles.DOCUMENT, d.id(), fields);
    }

    ObjectNode savedView(SavedView v) {
        ObjectNode fields = mapper.createObjectNode();
        putId(fields, "owner", owners.of(ObjectType.SAVED_VIEW, v.id()));
        fields.put("name", v.name());
        fields.put("show_on_dashboard", v.showOnDashboard());
        fields.put("show_in_sidebar", v.showInSidebar());
        fields.put("sort_field", v.sortField());
        fields.put("sort_reverse", v.sortReverse());
        if (v.pageSize() == null) {
            fields.putNull("page_size");
        } else {
            fields.put("page_size", v.pageSize());
        }
        fields.put("display_mode", v.displayMode());
        if (v.displayFields() == null) {
            fields.putNull("display_fields");
        } else {
            ArrayNode shown = fields.putArray("display_fields");
            v.displayFields().forEach(shown::add);
        }
        return record(SavedViewImport.VIEW, v.id(), fields);
    }

    ObjectNode savedViewRule(long pk, long view, SavedView.FilterRule rule) {
        ObjectNode fields = mapper.createObjectNode();
        fields.put("saved_view", view);
        fields.put("rule_type", rule.ruleType());
        fields.put("value", rule.value());
        return record(SavedViewImport.RULE, pk, fields);
    }

    /**
     * paperless-ngx's fields of an IMAP account with a password; {@code password} as it goes into the
     * manifest (encrypted, or empty).
     */
    ObjectNode mailAccount(MailAccount a, String password) {
        ObjectNode fields = mapper.createObjectNode();
        fields.putNull("owner");
        fields.put("name", a.name());
        fields.put("imap_server", a.host());
        if (a.port() == null) {
            fields.putNull("imap_port");
        } else {
            fields.put("imap_port", a.port());
        }
        fields.put("imap_security", MailCodes.code(MailCodes.SECURITY, a.security()));
        fields.put("username", a.user());
        fields.put("password", password);
        fields.put("is_token", false);
        fields.put("character_set", a.characterSet());
        fields.put("account_type", MailCodes.ACCOUNT_IMAP);
        fields.putNull("refresh_token");
        fields.putNull("expiration");
        return record(ManifestFiles.MAIL_ACCOUNT, a.id(), fields);
    }

    ObjectNode mailRule(MailRule r) {
        ObjectNode fields = mapper.createObjectNode();
        fields.putNull("owner");
        fields.put("name", r.name());
        fields.put("order", r.order());
        fields.put("account", r.accountId());
        fields.put("enabled", r.enabled());
        fields.put("folder", r.folder());
        fields.put("filter_from", r.filterFrom());
        fields.put("filter_to", r.filterTo());
        fields.put("filter_subject", r.filterSubject());
        fields.put("filter_body", r.filterBody());
        fields.put("filter_attachment_filename_include", r.attachmentInclude());
        fields.put("filter_attachment_filename_exclude", r.attachmentExclude());
        fields.put("maximum_age", r.maximumAgeDays());
        fields.put("attachment_type", MailCodes.code(MailCodes.ATTACHMENT_TYPE, r.attachmentType()));
        fields.put("consumption_scope", MailCodes.code(MailCodes.SCOPE, r.scope()));
        fields.put("pdf_layout", 0);
        fields.put("action", MailCodes.code(MailCodes.ACTION, r.action()));
        fields.put("action_parameter", r.actionParameter());
        fields.put("assign_title_from", MailCodes.code(MailCodes.TITLE, r.titleFrom()));
        ArrayNode tags = fields.putArray("assign_tags");
        new TreeSet<>(r.tagIds()).forEach(tags::add);
        putId(fields, "assign_document_type", r.documentTypeId());
        fields.put("assign_correspondent_from", MailCodes.code(MailCodes.CORRESPONDENT, r.correspondentFrom()));
        putId(fields, "assign_correspondent", r.correspondentId());
        fields.put("assign_owner_from_rule", false);
        fields.put("stop_processing", r.stopProcessing());
        return record(ManifestFiles.MAIL_RULE, r.id(), fields);
    }

    private ObjectNode matching(ClassifyingObject o, ObjectType type) {
        ObjectNode fields = mapper.createObjectNode();
        putId(fields, "owner", owners.of(type, o.id()));
        fields.put("name", o.name());
        fields.put("match", o.matching().match());
        fields.put("matching_algorithm", o.matching().algorithm().code());
        fields.put("is_insensitive", o.matching().insensitive());
        return fields;
    }

    private ObjectNode record(String model, Long pk, ObjectNode fields) {
        ObjectNode record = mapper.createObjectNode();
        record.put("model", model);
        record.put("pk", pk);
        record.set("fields", fields);
        return record;
    }

    private static void putId(ObjectNode fields, String name, Long id) {
        if (id == null) {
            fields.putNull(name);
        } else {
            fields.put(name, id);
        }
    }

    /** UTC with a Z, as Django writes them. */
    static String timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC).toInstant().toString();
    }
}
