package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.paperless.api.ClassifyingObject;
import org.paperless.api.storage.ObjectRepository;
import org.paperless.api.storage.DocumentTypeRepository;

/** Completes the names of document types. */
@Service
public class DocumentTypeCompleter extends ObjectNameCompleter {

    @Reference(optional = true)
    DocumentTypeRepository repository;

    @Override
    protected ObjectRepository<? extends ClassifyingObject> repository(CommandLine line) {
        return repository;
    }
}
