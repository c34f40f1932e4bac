package org.paperless.commands.internal;

import java.util.Map;
import java.util.stream.Collectors;

import org.paperless.api.CustomField;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.Document;
import org.paperless.api.Note;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.CustomFieldRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;

/** What a person assigns to a document, with names for ids: the answer of a command that changed it. */
final class DocumentSummary {

    private final CorrespondentRepository correspondents;
    private final DocumentTypeRepository types;
    private final StoragePathRepository paths;
    private final TagRepository tags;
    private final CustomFieldRepository fields;

    DocumentSummary(CorrespondentRepository correspondents, DocumentTypeRepository types, StoragePathRepository paths,
            TagRepository tags, CustomFieldRepository fields) {
        this.correspondents = correspondents;
        this.types = types;
        this.paths = paths;
        this.tags = tags;
        this.fields = fields;
    }

    void print(Document d, boolean noFormat) {
        Table table = new Table().column("Field").wideColumn("Value", 100);
        table.row("ID", d.id());
        table.row("Title", d.title());
        table.row("Correspondent", ObjectNames.of(correspondents).name(d.correspondentId()));
        table.row("Document type", ObjectNames.of(types).name(d.documentTypeId()));
        table.row("Storage path", ObjectNames.of(paths).name(d.storagePathId()));
        table.row("Tags", ObjectNames.of(tags).names(d.tagIds()));
        table.row("Created", d.created());
        table.row("ASN", d.archiveSerialNumber());
        table.row("Modified", d.modified());
        Map<Long, String> fieldNames = fields == null ? Map.of()
                : fields.list().stream().collect(Collectors.toMap(CustomField::id, CustomField::name));
        for (CustomFieldInstance f : d.customFields()) {
            table.row(fieldNames.getOrDefault(f.fieldId(), "Custom field #" + f.fieldId()), f.value());
        }
        for (Note n : d.notes()) {
            table.row("Note " + n.created() + (n.user() == null ? "" : " by " + n.user()), n.text());
        }
        table.print(System.out, noFormat);
    }
}
