package org.paperless.commands.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.ShellUtil;
import org.paperless.api.ClassifyingObject;
import org.paperless.api.Document;
import org.paperless.api.storage.CustomFieldRepository;
import org.paperless.api.storage.ObjectRepository;

/**
 * Changes what a person assigns to a document. Every name and value is checked before anything is
 * stored, so a typo changes nothing; the index and the renamer follow the update event.
 */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "document-edit", description = "Change a document's title, correspondent, type, "
        + "storage path, created date, ASN, tags and custom fields, or add a note; prints the document as changed")
public class DocumentEditCommand extends DocumentAction {

    private static final String NONE = "none";

    @Argument(index = 0, name = "id", description = "Document id", required = true)
    @Completion(DocumentCompleter.class)
    long id;

    @Option(name = "--title", description = "New title")
    String title;

    @Completion(CorrespondentCompleter.class)
    @Option(name = "--correspondent", aliases = "-c", description = "Correspondent (id or name), or none")
    String correspondent;

    @Completion(DocumentTypeCompleter.class)
    @Option(name = "--type", aliases = "-t", description = "Document type (id or name), or none")
    String type;

    @Completion(StoragePathCompleter.class)
    @Option(name = "--storage-path", aliases = "-s", description = "Storage path (id or name), or none")
    String storagePath;

    @Option(name = "--created", description = "Created date, YYYY-MM-DD")
    String created;

    @Option(name = "--asn", description = "Archive serial number, or none")
    String asn;

    @Completion(TagCompleter.class)
    @Option(name = "--tag", aliases = "-T", multiValued = true,
            description = "+NAME or NAME adds a tag, -NAME removes it (id or name; repeat for more)")
    List<String> tagChanges;

    @Completion(CustomFieldCompleter.class)
    @Option(name = "--custom-field", multiValued = true, description = "NAME=VALUE: set a custom field (repeat for more)")
    List<String> customFieldValues;

    @Option(name = "--note", description = "Add a note with this text")
    String note;

    @Reference(optional = true)
    CustomFieldRepository customFields;

    @Override
    public Object execute() {
        Document current = documents().get(id);
        List<CustomFieldInput> fields = fields();
        if (note != null && note.isBlank()) {
            throw new IllegalArgumentException("--note needs some text");
        }
        Document changed = changed(current);
        boolean assignments = !changed.equals(current);
        if (!assignments && fields.isEmpty() && note == null) {
            throw new IllegalArgumentException("Nothing to change: give --title, --correspondent, --type, --storage-path,"
                    + " --created, --asn, --tag, --custom-field or --note");
        }
        if (assignments) {
            documents().update(changed);
        }
        for (CustomFieldInput f : fields) {
            documents().setCustomField(id, f.field().id(), f.value());
        }
        if (note != null) {
            documents().addNote(id, note, ShellUtil.getCurrentUserName());
        }
        new DocumentSummary(correspondents, documentTypes, storagePaths, tags, customFields)
                .print(documents().get(id), noFormat);
        return null;
    }

    private List<CustomFieldInput> fields() {
        if (customFieldValues == null || customFieldValues.isEmpty()) {
            return List.of();
        }
        var all = Capabilities.storage(customFields).list();
        return customFieldValues.stream().map(v -> CustomFieldInput.parse(v, all)).toList();
    }

    private Document changed(Document d) {
        String newTitle = title == null ? d.title() : title.strip();
        if (newTitle.isEmpty()) {
            throw new IllegalArgumentException("--title must not be empty");
        }
        return new Document(d.id(), newTitle, d.content(),
                reference(correspondent, correspondents, d.correspondentId()),
                reference(type, documentTypes, d.documentTypeId()),
                reference(storagePath, storagePaths, d.storagePathId()),
                tagIds(d.tagIds()), createdDate(d.created()), d.modified(), d.added(), d.checksum(), d.archiveChecksum(),
                serialNumber(d.archiveSerialNumber()), d.filename(), d.archiveFilename(), d.originalFilename(),
                d.mimeType(), d.pageCount(), d.owner(), d.notes(), d.customFields());
    }

    private static Long reference(String given, ObjectRepository<? extends ClassifyingObject> repository, Long current) {
        if (given == null) {
            return current;
        }
        if (given.strip().toLowerCase(Locale.ROOT).equals(NONE)) {
            return null;
        }
        return Capabilities.storage(repository).resolve(given.strip()).id();
    }

    private Set<Long> tagIds(Set<Long> current) {
        if (tagChanges == null || tagChanges.isEmpty()) {
            return current;
        }
        Set<Long> result = new HashSet<>(current);
        for (String change : tagChanges) {
            boolean remove = change.startsWith("-");
            String name = change.startsWith("+") || remove ? change.substring(1) : change;
            long tag = Capabilities.storage(tags).resolve(name.strip()).id();
            if (remove) {
                result.remove(tag);
            } else {
                result.add(tag);
            }
        }
        return result;
    }

    private LocalDate createdDate(LocalDate current) {
        if (created == null) {
            return current;
        }
        try {
            return LocalDate.parse(created.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--created takes a date as YYYY-MM-DD, got '" + created + "'");
        }
    }

    private Long serialNumber(Long current) {
        if (asn == null) {
            return current;
        }
        if (asn.strip().toLowerCase(Locale.ROOT).equals(NONE)) {
            return null;
        }
        try {
            long value = Long.parseLong(asn.strip());
            if (value < 0 || value > Document.MAX_ASN) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--asn takes a number from 0 to " + Document.MAX_ASN + " or none, got '"
                    + asn + "'");
        }
    }
}
