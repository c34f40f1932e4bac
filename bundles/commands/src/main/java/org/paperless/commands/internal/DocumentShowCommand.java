package org.paperless.commands.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.CustomField;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.Document;
import org.paperless.api.Note;
import org.paperless.api.mail.ProcessedMails;
import org.paperless.api.storage.CustomFieldRepository;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;

@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "document-show", description = "Show every field of a document, its content and the paths of its files")
public class DocumentShowCommand extends DocumentAction {

    @Completion(DocumentCompleter.class)
    @Argument(index = 0, name = "id", description = "Document id", required = true)
    long id;

    @Option(name = "--no-content", description = "Leave out the content")
    boolean noContent;

    @Reference(optional = true)
    MediaStore media;

    @Reference(optional = true)
    DataFolders folders;

    @Reference(optional = true)
    CustomFieldRepository customFields;

    @Reference(optional = true)
    ProcessedMails mails;

    @Override
    public Object execute() {
        Document d = documents().get(id);
        Capabilities.storage(media);
        Capabilities.storage(folders);
        Table table = new Table().column("Field").wideColumn("Value", 100);
        add(table, "ID", d.id());
        add(table, "Title", d.title());
        add(table, "Correspondent", ObjectNames.of(correspondents).name(d.correspondentId()));
        add(table, "Document type", ObjectNames.of(documentTypes).name(d.documentTypeId()));
        add(table, "Storage path", ObjectNames.of(storagePaths).name(d.storagePathId()));
        add(table, "Tags", ObjectNames.of(tags).names(d.tagIds()));
        add(table, "Created", d.created());
        add(table, "Added", d.added());
        add(table, "Modified", d.modified());
        add(table, "ASN", d.archiveSerialNumber());
        add(table, "Owner", d.owner());
        add(table, "Original file name", d.originalFilename());
        mailOrigin(d.id()).ifPresent(origin -> add(table, "From mail", origin));
        add(table, "MIME type", d.mimeType());
        add(table, "Pages", d.pageCount());
        add(table, "Checksum", d.checksum());
        add(table, "Archive checksum", d.archiveChecksum());
        add(table, "Original", file(MediaArea.ORIGINALS, d.filename()));
        add(table, "Archive", file(MediaArea.ARCHIVE, d.archiveFilename()));
        add(table, "Thumbnail", thumbnail(d.id()));
        Map<Long, String> fieldNames = customFieldNames();
        for (CustomFieldInstance f : d.customFields()) {
            add(table, customFieldLabel(fieldNames, f.fieldId()), f.value());
        }
        for (Note n : d.notes()) {
            add(table, "Note " + n.created() + (n.user() == null ? "" : " by " + n.user()), n.text());
        }
        table.print(System.out, noFormat);
        if (!noContent) {
            System.out.println();
            System.out.println("Content:");
            System.out.println(d.content());
        }
        return null;
    }

    /** "account 'Work', rule 'Bills', <id@host> 'Invoice 7'"; nothing when the document did not come from mail. */
    private Optional<String> mailOrigin(long documentId) {
        if (mails == null) {
            return Optional.empty();
        }
        return mails.originOf(documentId).map(o -> "account '" + o.account() + "', rule '" + o.rule() + "', "
                + (o.messageId() == null ? "no Message-ID" : o.messageId()) + ", subject '" + o.subject() + "'"
                + (o.received() == null ? "" : ", received " + o.received()));
    }

    /** The names of the custom fields by id; none when their repository is not there (the ids show then). */
    private Map<Long, String> customFieldNames() {
        return customFields == null ? Map.of()
                : customFields.list().stream().collect(Collectors.toMap(CustomField::id, CustomField::name));
    }

    static String customFieldLabel(Map<Long, String> names, long fieldId) {
        String name = names.get(fieldId);
        return name == null ? "Custom field #" + fieldId : "Custom field " + name;
    }

    private static void add(Table table, String field, Object value) {
        table.row(field, value);
    }

    private String file(MediaArea area, String name) {
        return name == null || name.isBlank() ? "" : media.resolve(area, name).toString();
    }

    /** Thumbnails are named after the zero-padded id, as in paperless-ngx. */
    private String thumbnail(long documentId) {
        String stem = String.format("%07d", documentId);
        for (String ext : new String[] {".webp", ".png"}) {
            Path p = folders.thumbnails().resolve(stem + ext);
            if (Files.exists(p)) {
                return p.toString();
            }
        }
        return "";
    }
}
