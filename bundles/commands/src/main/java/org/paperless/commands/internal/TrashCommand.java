package org.paperless.commands.internal;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.paperless.api.Document;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.DocumentRepository.Trashed;

/** The trash: what paperless:document-delete moved there, to list, bring back or remove for good. */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "trash", description = "List the trash, restore documents from it, or empty it "
        + "(all, the given ids, or with --expired those older than PAPERLESS_EMPTY_TRASH_DELAY days)")
public class TrashCommand extends DocumentAction {

    @Argument(index = 0, name = "action", description = "list (the default), restore or empty")
    @Completion(value = StringsCompleter.class, values = {"list", "restore", "empty"})
    String action = "list";

    @Argument(index = 1, name = "ids", description = "Document ids (restore: required; empty: all when none is given)",
            multiValued = true)
    @Completion(DocumentCompleter.class)
    List<String> ids;

    @Option(name = "--expired", description = "empty: only documents in the trash longer than the delay")
    boolean expired;

    @Override
    public Object execute() {
        DocumentRepository repository = documents();
        List<Long> given = DocumentIds.parse(ids);
        if (expired && !action.equals("empty")) {
            throw new IllegalArgumentException("--expired goes with 'empty' only");
        }
        switch (action) {
            case "list" -> {
                if (!given.isEmpty()) {
                    throw new IllegalArgumentException("'list' takes no ids");
                }
                list(repository);
            }
            case "restore" -> {
                if (given.isEmpty()) {
                    throw new IllegalArgumentException("Which documents? Give their ids: paperless:trash restore ID...");
                }
                for (Document d : repository.restore(given)) {
                    System.out.println("Restored document " + d.id() + " '" + d.title() + "'");
                }
            }
            case "empty" -> empty(repository, given);
            default -> throw new IllegalArgumentException("Unknown action '" + action + "': use list, restore or empty");
        }
        return null;
    }

    private void list(DocumentRepository repository) {
        List<Trashed> trash = repository.trash();
        Duration delay = repository.emptyTrashDelay();
        Table table = new Table().rightColumn("ID").wideColumn("Title", 60).column("Deleted at").column("Removed after");
        for (Trashed t : trash) {
            table.row(t.document().id(), t.document().title(), t.deletedAt().truncatedTo(ChronoUnit.SECONDS),
                    t.deletedAt().plus(delay).truncatedTo(ChronoUnit.SECONDS));
        }
        table.print(System.out, noFormat);
        if (!noFormat) {
            System.out.println(trash.isEmpty() ? "The trash is empty."
                    : trash.size() + (trash.size() == 1 ? " document" : " documents") + " in the trash; each is removed"
                            + " for good " + delay.toDays() + " days after it was deleted.");
        }
    }

    private void empty(DocumentRepository repository, List<Long> given) {
        if (expired && !given.isEmpty()) {
            throw new IllegalArgumentException("Give ids or --expired, not both");
        }
        List<Document> removed;
        if (expired) {
            removed = repository.emptyExpiredTrash();
        } else if (given.isEmpty()) {
            List<Long> all = repository.trash().stream().map(t -> t.document().id()).toList();
            removed = all.isEmpty() ? List.of() : repository.emptyTrash(all);
        } else {
            removed = repository.emptyTrash(given);
        }
        for (Document d : removed) {
            System.out.println("Removed document " + d.id() + " '" + d.title() + "' and its files for good");
        }
        System.out.println(removed.isEmpty() ? "Nothing to remove." : "Removed " + removed.size()
                + (removed.size() == 1 ? " document" : " documents") + " from the trash.");
    }
}
