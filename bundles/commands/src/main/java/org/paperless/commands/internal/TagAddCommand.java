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
@Command(scope = "paperless", name = "tag-add", description = "Add a tag with its matching rule, colour, parent and inbox flag")
public class TagAddCommand extends ObjectAddAction<Tag> {

    @Reference(optional = true)
    TagRepository repository;

    @Option(name = "--color", aliases = "--colour", description = "Colour as #rrggbb (quote it) or rrggbb")
    String color;

    @Option(name = "--inbox", description = "An inbox tag: added to every new document")
    boolean inbox;

    @Completion(TagCompleter.class)
    @Option(name = "--parent", aliases = "-p", description = "Id or name of the parent tag")
    String parent;

    @Override
    protected ObjectRepository<Tag> repository() {
        return Capabilities.storage(repository);
    }

    @Override
    protected Tag build(String name, Matching matching) {
        Long parentId = parent == null ? null : repository.resolve(parent).id();
        return new Tag(null, name, matching, color, inbox, parentId);
    }
}
