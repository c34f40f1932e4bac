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
@Command(scope = "paperless", name = "storage-path-add", description = "Add a storage path: a filename format for the documents it matches")
public class StoragePathAddCommand extends ObjectAddAction<StoragePath> {

    @Reference(optional = true)
    StoragePathRepository repository;

    @Option(name = "--path", description = "Filename format, e.g. {correspondent}/{created_year}/{title}", required = true)
    String path;

    @Override
    protected ObjectRepository<StoragePath> repository() {
        return Capabilities.storage(repository);
    }

    @Override
    protected StoragePath build(String name, Matching matching) {
        return new StoragePath(null, name, path, matching);
    }
}
