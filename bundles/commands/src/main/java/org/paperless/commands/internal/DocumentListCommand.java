package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.Document;

@Service
@Command(scope = "paperless", name = "document-list", description = "List documents, oldest id first")
public class DocumentListCommand extends DocumentAction {

    @Option(name = "--limit", aliases = "-l", description = "At most this many documents (default 100)")
    int limit = 100;

    @Option(name = "--offset", aliases = "-o", description = "Skip this many documents first")
    int offset;

    @Override
    public Object execute() {
        if (limit < 1 || offset < 0) {
            throw new IllegalArgumentException("--limit must be at least 1 and --offset at least 0");
        }
        ObjectNames correspondentNames = ObjectNames.of(correspondents);
        ObjectNames typeNames = ObjectNames.of(documentTypes);
        ObjectNames tagNames = ObjectNames.of(tags);
        Table table = new Table().rightColumn("ID").column("Created").wideColumn("Title", 60)
                .column("Correspondent").column("Type").column("Tags").rightColumn("Pages");
        for (Document d : documents().list(offset, limit)) {
            table.row(d.id(), d.created(), d.title(),
                    correspondentNames.name(d.correspondentId()), typeNames.name(d.documentTypeId()),
                    tagNames.names(d.tagIds()), d.pageCount());
        }
        table.print(System.out, noFormat);
        return null;
    }
}
