package org.paperless.commands.internal;

import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.Tag;
import org.paperless.api.storage.TagRepository;
import org.paperless.api.storage.ObjectRepository;

@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "tag-list", description = "List tags")
public class TagListCommand extends ObjectListAction<Tag> {

    @Reference(optional = true)
    TagRepository repository;

    @Override
    protected ObjectRepository<Tag> repository() {
        return Capabilities.storage(repository);
    }

    @Override
    protected List<String> extraColumns() {
        return List.of("Colour", "Inbox", "Parent");
    }

    @Override
    protected List<Object> extraCells(Tag tag) {
        return Arrays.asList(tag.color(), tag.inbox() ? "yes" : "", tag.parentId() == null ? "" : tag.parentId());
    }
}
