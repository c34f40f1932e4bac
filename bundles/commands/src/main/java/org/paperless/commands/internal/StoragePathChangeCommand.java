package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.Matching;
import org.paperless.api.StoragePath;
import org.paperless.api.storage.ObjectRepository;
import org.paperless.api.storage.StoragePathRepository;

@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "storage-path-change", description = "Change a storage path's name, format or matching rule")
public class StoragePathChangeCommand extends ObjectChangeAction<StoragePath> {

    @Reference(optional = true)
    StoragePathRepository repository;

    @Option(name = "--path", description = "New filename format")
    String path;

    @Override
    protected ObjectRepository<StoragePath> repository() {
        return Capabilities.storage(repository);
    }

    @Override
    protected StoragePath rebuild(StoragePath current, String name, Matching matching) {
        return new StoragePath(current.id(), name, path != null ? path : current.path(), matching);
    }
}
