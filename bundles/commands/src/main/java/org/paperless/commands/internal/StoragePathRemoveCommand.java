package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.StoragePath;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.ObjectRepository;

@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "storage-path-remove", description = "Remove storage paths; their documents lose the reference")
public class StoragePathRemoveCommand extends ObjectRemoveAction<StoragePath> {

    @Reference(optional = true)
    StoragePathRepository repository;

    @Override
    protected ObjectRepository<StoragePath> repository() {
        return Capabilities.storage(repository);
    }
}
