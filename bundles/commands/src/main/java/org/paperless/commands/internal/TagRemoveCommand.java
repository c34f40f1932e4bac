package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.Tag;
import org.paperless.api.storage.TagRepository;
import org.paperless.api.storage.ObjectRepository;

@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "tag-remove", description = "Remove tags; their documents lose the reference")
public class TagRemoveCommand extends ObjectRemoveAction<Tag> {

    @Reference(optional = true)
    TagRepository repository;

    @Override
    protected ObjectRepository<Tag> repository() {
        return Capabilities.storage(repository);
    }
}
