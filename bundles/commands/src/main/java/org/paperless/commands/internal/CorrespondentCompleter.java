package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.paperless.api.ClassifyingObject;
import org.paperless.api.storage.ObjectRepository;
import org.paperless.api.storage.CorrespondentRepository;

/** Completes the names of correspondents. */
@Service
public class CorrespondentCompleter extends ObjectNameCompleter {

    @Reference(optional = true)
    CorrespondentRepository repository;

    @Override
    protected ObjectRepository<? extends ClassifyingObject> repository(CommandLine line) {
        return repository;
    }
}
