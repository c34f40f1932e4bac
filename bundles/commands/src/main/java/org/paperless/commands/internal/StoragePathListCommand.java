package org.paperless.commands.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.StoragePath;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.ObjectRepository;

@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "storage-path-list", description = "List storage paths")
public class StoragePathListCommand extends ObjectListAction<StoragePath> {

    @Reference(optional = true)
    StoragePathRepository repository;

    @Override
    protected ObjectRepository<StoragePath> repository() {
        return Capabilities.storage(repository);
    }

    @Override
    protected List<String> extraColumns() {
        return List.of("Path");
    }

    @Override
    protected List<Object> extraCells(StoragePath path) {
        return List.of(path.path());
    }
}
