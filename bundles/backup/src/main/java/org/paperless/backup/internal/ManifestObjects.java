package org.paperless.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.paperless.api.CustomField;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.CustomFieldType;
import org.paperless.api.Note;
import org.paperless.api.Tag;
import org.paperless.api.security.ObjectType;
import org.paperless.api.storage.CollectionImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything of a manifest but the documents, read in a first pass: the objects, and the notes and
 * custom field values that paperless-ngx writes before the documents they belong to. Records of models
 * this version has no use for are counted, to be reported as skipped.
 */
final class ManifestObjects {

    private static final Logger LOG = LoggerFactory.getLogger(ManifestObjects.class);
    /**
     * Records other than documents are held in memory until the documents come: objects, notes, custom
     * field values. Two million is several values and notes for each of half a million documents.
     */
    static final int MAX_HELD = 2_000_000;

    private final List<JsonNode> correspondents = new ArrayList<>();
    private final List<JsonNode> tags = new ArrayList<>();
    private final List<JsonNode> types = new ArrayList<>();
    private final List<JsonNode> paths = new ArrayList<>();
    private final List<JsonNode> fields = new ArrayList<>();
    private final Map<Long, List<JsonNode>> notes = new HashMap<>();
    private final Map<Long, List<JsonNode>> values = new HashMap<>();
    private final PermissionImport permissions = new PermissionImport();
    private final SavedViewImport savedViews = new SavedViewImport();
    private final Map<Long, JsonNode> extraData = new HashMap<>();
    private final List<JsonNode> mailAccounts = new ArrayList<>();
    private final List<JsonNode> mailRules = new ArrayList<>();
    private final Map<String, Long> skipped = new TreeMap<>();
    private long documents;
    private long held;

    static ManifestObjects read(ExportSource source, ObjectMapper mapper) throws IOException {
        ManifestObjects objects = new ManifestObjects();
        for (String manifest : source.manifests()) {
            try (InputStream in = source.open(manifest)) {
                ManifestReader.forEach(mapper, in, manifest, objects::take);
            }
        }
        return objects;
    }

    private void take(JsonNode record) throws IOException {
        String model = record.path("model").asText();
        if (!ManifestFiles.DOCUMENT.equals(model) && ++held > MAX_HELD) {
            throw new IOException("Refused: the export holds more than " + MAX_HELD + " records besides its documents");
        }
        switch (model) {
            case ManifestFiles.CORRESPONDENT -> correspondents.add(record);
            case ManifestFiles.TAG -> tags.add(record);
            case ManifestFiles.DOCUMENT_TYPE -> types.add(record);
            case ManifestFiles.STORAGE_PATH -> paths.add(record);
            case ManifestFiles.CUSTOM_FIELD -> fields.add(record);
            case ManifestFiles.NOTE -> byDocument(notes, record);
            case ManifestFiles.CUSTOM_FIELD_INSTANCE -> byDocument(values, record);
            case ManifestFiles.DOCUMENT -> documents++;
            case ManifestFiles.MAIL_ACCOUNT -> mailAccounts.add(record);
            case ManifestFiles.MAIL_RULE -> mailRules.add(record);
            default -> {
                if (!permissions.take(model, record) && !savedViews.take(model, record)) {
                    skipped.merge(model, 1L, Long::sum);
                }
            }
        }
    }

    private static void byDocument(Map<Long, List<JsonNode>> map, JsonNode record) {
        if (record.path("fields").path("deleted_at").isTextual()) {
            return; // in paperless-ngx's trash: deleted, not exported as living data
        }
        map.computeIfAbsent(record.path("fields").path("document").asLong(), k -> new ArrayList<>()).add(record);
    }

    /** Stores the objects; parents before their child tags. */
    IdMaps insert(CollectionImport.Session session) {
        IdMaps ids = new IdMaps();
        for (JsonNode r : correspondents) {
            ids.correspondents().put(pk(r), session.add(RecordMapping.correspondent(r)).id());
            permissions.owner(ObjectType.CORRESPONDENT, pk(r), r.path("fields").path("owner"));
        }
        for (JsonNode r : types) {
            ids.types().put(pk(r), session.add(RecordMapping.documentType(r)).id());
            permissions.owner(ObjectType.DOCUMENT_TYPE, pk(r), r.path("fields").path("owner"));
        }
        for (JsonNode r : paths) {
            ids.paths().put(pk(r), session.add(RecordMapping.storagePath(r)).id());
            permissions.owner(ObjectType.STORAGE_PATH, pk(r), r.path("fields").path("owner"));
        }
        insertTags(session, ids);
        tags.forEach(r -> permissions.owner(ObjectType.TAG, pk(r), r.path("fields").path("owner")));
        for (JsonNode r : fields) {
            extraData.put(pk(r), r.path("fields").path("extra_data"));
            CustomField field = session.add(RecordMapping.customField(r));
            ids.fields().put(pk(r), field.id());
            ids.fieldTypes().put(field.id(), field.dataType());
        }
        return ids;
    }

    private void insertTags(CollectionImport.Session session, IdMaps ids) {
        Map<Long, JsonNode> pending = new java.util.LinkedHashMap<>();
        tags.forEach(r -> pending.put(pk(r), r));
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (var it = pending.entrySet().iterator(); it.hasNext();) {
                var entry = it.next();
                Long parent = RecordMapping.tagParent(entry.getValue());
                if (parent == null || ids.tags().containsKey(parent) || !pending.containsKey(parent)) {
                    Long mapped = parent == null ? null : ids.tags().get(parent);
                    if (parent != null && mapped == null) {
                        LOG.warn("Tag '{}' names parent {}, which the export lacks: imported without a parent",
                                entry.getValue().path("fields").path("name").asText(), parent);
                    }
                    Tag tag = session.add(RecordMapping.tag(entry.getValue(), mapped));
                    ids.tags().put(entry.getKey(), tag.id());
                    it.remove();
                    progress = true;
                }
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalArgumentException("The tags " + pending.keySet() + " are each other's parents: the export is damaged");
        }
    }

    List<Note> notes(long documentPk) {
        return notes.getOrDefault(documentPk, List.of()).stream().map(r -> RecordMapping.note(r, users())).toList();
    }

    /**
     * The document's custom field values, but for links to documents: those may point at documents
     * stored after this one, and are added once every document has its new id.
     */
    List<CustomFieldInstance> values(long documentPk, IdMaps ids) {
        return values(documentPk, ids, false);
    }

    /** The document links of a document, the linked pks still the export's. */
    List<CustomFieldInstance> links(long documentPk, IdMaps ids) {
        return values(documentPk, ids, true);
    }

    private List<CustomFieldInstance> values(long documentPk, IdMaps ids, boolean links) {
        List<CustomFieldInstance> result = new ArrayList<>();
        for (JsonNode r : values.getOrDefault(documentPk, List.of())) {
            JsonNode fieldPk = r.path("fields").path("field");
            Long field = ids.fields().get(fieldPk.asLong());
            if (field != null && (ids.fieldTypes().get(field) == CustomFieldType.DOCUMENTLINK) == links) {
                result.add(RecordMapping.fieldValue(r, field, ids.fieldTypes().get(field),
                        extraData.getOrDefault(fieldPk.asLong(), com.fasterxml.jackson.databind.node.MissingNode.getInstance())));
            }
        }
        return result;
    }

    /** The mail records, for {@link MailImport}: they are stored once the collection is. */
    List<JsonNode> mailAccounts() {
        return mailAccounts;
    }

    List<JsonNode> mailRules() {
        return mailRules;
    }

    Map<Long, String> users() {
        return permissions.users();
    }

    /** Users, groups, owners of objects and grants. */
    PermissionImport permissions() {
        return permissions;
    }

    /** Stores the saved views, then the owners and grants of everything: in the import's transaction, documents in. */
    void storeViewsAndPermissions(CollectionImport.Session session, IdMaps ids, Map<Long, Long> documentIds) {
        savedViews.store(session, ids, documentIds, users(), permissions);
        permissions.store(session, ids, documentIds);
    }

    Map<String, Long> skipped() {
        return skipped;
    }

    long documents() {
        return documents;
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        counts.put(ManifestFiles.CORRESPONDENT, (long) correspondents.size());
        counts.put(ManifestFiles.TAG, (long) tags.size());
        counts.put(ManifestFiles.DOCUMENT_TYPE, (long) types.size());
        counts.put(ManifestFiles.STORAGE_PATH, (long) paths.size());
        counts.put(ManifestFiles.CUSTOM_FIELD, (long) fields.size());
        counts.put(ManifestFiles.NOTE, notes.values().stream().mapToLong(List::size).sum());
        counts.put(ManifestFiles.CUSTOM_FIELD_INSTANCE, values.values().stream().mapToLong(List::size).sum());
        counts.put(ManifestFiles.DOCUMENT, documents);
        counts.put(SavedViewImport.VIEW, (long) savedViews.count());
        counts.put(PermissionRecords.USER, (long) permissions.userCount());
        counts.put(PermissionRecords.GROUP, (long) permissions.groupCount());
        counts.put(PermissionRecords.USER_GRANT.replace("user", ""), (long) permissions.grantCount());
        return counts;
    }

    private static long pk(JsonNode r) {
        return r.path("pk").asLong();
    }
}
