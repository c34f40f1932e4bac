package org.paperless.commands.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.Document;

/** Moves documents into the trash, as deleting does in paperless-ngx; paperless:trash brings them back. */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "document-delete", description = "Move documents into the trash (all or none);"
        + " they are removed for good when the trash is emptied")
public class DocumentDeleteCommand extends DocumentAction {

    @Argument(index = 0, name = "ids", description = "Document ids", required = true, multiValued = true)
    @Completion(DocumentCompleter.class)
    List<String> ids;

    @Override
    public Object execute() {
        List<Document> moved = documents().moveToTrash(DocumentIds.parse(ids));
        for (Document d : moved) {
            System.out.println("Moved document " + d.id() + " '" + d.title() + "' into the trash");
        }
        System.out.println(moved.size() + (moved.size() == 1 ? " document" : " documents") + " in the trash now;"
                + " paperless:trash restore " + moved.stream().map(d -> String.valueOf(d.id()))
                        .collect(Collectors.joining(" ")) + " brings " + (moved.size() == 1 ? "it" : "them") + " back."
                + " Emptied after " + documents().emptyTrashDelay().toDays() + " days.");
        return null;
    }
}
