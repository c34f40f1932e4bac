package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.Matching;
import org.paperless.api.Tag;
import org.paperless.api.storage.ObjectRepository;
import org.paperless.api.storage.TagRepository;

@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "tag-change", description = "Change a tag's name, matching rule, colour, parent or inbox flag")
public class TagChangeCommand extends ObjectChangeAction<Tag> {

    @Reference(optional = true)
    TagRepository repository;

    @Option(name = "--color", aliases = "--colour", description = "Colour as #rrggbb (quote it) or rrggbb")
    String color;

    @Option(name = "--inbox", description = "Make it an inbox tag")
    boolean inbox;

    @Option(name = "--no-inbox", description = "Make it an ordinary tag")
    boolean noInbox;

    @Completion(TagCompleter.class)
    @Option(name = "--parent", aliases = "-p", description = "Id or name of the new parent tag")
    String parent;

    @Option(name = "--no-parent", description = "Make it a top-level tag")
    boolean noParent;

    @Override
    protected ObjectRepository<Tag> repository() {
        return Capabilities.storage(repository);
    }

    @Override
    protected Tag rebuild(Tag current, String name, Matching matching) {
        if (inbox && noInbox || parent != null && noParent) {
            throw new IllegalArgumentException("Contradicting options: give --inbox or --no-inbox, --parent or --no-parent");
        }
        boolean newInbox = inbox || !noInbox && current.inbox();
        Long parentId = noParent ? null : parent != null ? repository.resolve(parent).id() : current.parentId();
        String newColor = color != null ? color : current.color();
        return new Tag(current.id(), name, matching, newColor, newInbox, parentId);
    }
}
