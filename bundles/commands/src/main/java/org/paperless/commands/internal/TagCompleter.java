package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.paperless.api.ClassifyingObject;
import org.paperless.api.storage.ObjectRepository;
import org.paperless.api.storage.TagRepository;

/** Completes the names of tags. */
@Service
public class TagCompleter extends ObjectNameCompleter {

    @Reference(optional = true)
    TagRepository repository;

    @Override
    protected ObjectRepository<? extends ClassifyingObject> repository(CommandLine line) {
        return repository;
    }
}
