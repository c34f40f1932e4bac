package org.paperless.commands.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.CustomField;
import org.paperless.api.Document;
import org.paperless.api.NotFoundException;
import org.paperless.api.storage.CustomFieldRepository;

@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "document-list", description = "List documents, oldest id first; "
        + "--tag, --correspondent, --type, --storage-path and --custom-field keep those that have them")
public class DocumentListCommand extends DocumentAction {

    @Option(name = "--limit", aliases = "-l", description = "At most this many documents (default 100)")
    int limit = 100;

    @Option(name = "--offset", aliases = "-o", description = "Skip this many documents first")
    int offset;

    @Completion(TagCompleter.class)
    @Option(name = "--tag", aliases = "-T", multiValued = true,
            description = "Only documents with this tag (id or name; repeat: with all of them)")
    List<String> tagFilter;

    @Completion(CorrespondentCompleter.class)
    @Option(name = "--correspondent", aliases = "-c", description = "Only documents from this correspondent (id or name)")
    String correspondentFilter;

    @Completion(DocumentTypeCompleter.class)
    @Option(name = "--type", aliases = "-t", description = "Only documents of this document type (id or name)")
    String typeFilter;

    @Completion(StoragePathCompleter.class)
    @Option(name = "--storage-path", aliases = "-s", description = "Only documents with this storage path (id or name)")
    String storagePathFilter;

    @Completion(CustomFieldCompleter.class)
    @Option(name = "--custom-field", description = "Only documents with a value for this custom field (id or name)")
    String customFieldFilter;

    @Reference(optional = true)
    CustomFieldRepository customFields;

    @Override
    public Object execute() {
        if (limit < 1 || offset < 0) {
            throw new IllegalArgumentException("--limit must be at least 1 and --offset at least 0");
        }
        DocumentFilter filter = filter();
        DocumentPage page = filter.any()
                ? new DocumentPage(documents().list(offset, limit), documents().count())
                : DocumentPage.walk(documents()::listAfter, filter, offset, limit);
        ObjectNames correspondentNames = ObjectNames.of(correspondents);
        ObjectNames typeNames = ObjectNames.of(documentTypes);
        ObjectNames tagNames = ObjectNames.of(tags);
        Table table = new Table().rightColumn("ID").column("Created").wideColumn("Title", 60)
                .column("Correspondent").column("Type").column("Tags").rightColumn("Pages");
        for (Document d : page.documents()) {
            table.row(d.id(), d.created(), d.title(),
                    correspondentNames.name(d.correspondentId()), typeNames.name(d.documentTypeId()),
                    tagNames.names(d.tagIds()), d.pageCount());
        }
        table.print(System.out, noFormat);
        String footer = footer(page, offset, filter.any());
        if (!noFormat && !footer.isEmpty()) {
            System.out.println(footer);
        }
        return null;
    }

    /** What is beyond the page, and how to see it. */
    static String footer(DocumentPage page, int offset, boolean unfiltered) {
        long more = page.after(offset);
        if (more > 0) {
            return "... and " + more + " more: use --offset " + (offset + page.documents().size());
        }
        if (page.total() == 0) {
            return unfiltered ? "No documents." : "No document matches.";
        }
        return page.documents().isEmpty()
                ? "Nothing from offset " + offset + ": " + page.total() + (unfiltered ? " documents" : " match") + " in all"
                : "";
    }

    private DocumentFilter filter() {
        Long correspondent = correspondentFilter == null ? null : Capabilities.storage(correspondents).resolve(correspondentFilter).id();
        Long type = typeFilter == null ? null : Capabilities.storage(documentTypes).resolve(typeFilter).id();
        Long path = storagePathFilter == null ? null : Capabilities.storage(storagePaths).resolve(storagePathFilter).id();
        Set<Long> tagIds = tagFilter == null ? Set.of()
                : tagFilter.stream().map(t -> Capabilities.storage(tags).resolve(t).id()).collect(Collectors.toSet());
        Long field = customFieldFilter == null ? null : customField(customFieldFilter).id();
        return new DocumentFilter(correspondent, type, path, tagIds, field);
    }

    private CustomField customField(String idOrName) {
        List<CustomField> all = Capabilities.storage(customFields).list();
        return all.stream().filter(f -> String.valueOf(f.id()).equals(idOrName)).findFirst()
                .or(() -> all.stream().filter(f -> f.name().equalsIgnoreCase(idOrName)).findFirst())
                .orElseThrow(() -> new NotFoundException("No custom field named or numbered '" + idOrName + "'"));
    }
}
