package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.paperless.api.ClassifyingObject;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.ObjectRepository;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;

/**
 * Completes the names of the kind of object a command is about, told by its name: tag-change and tag-remove
 * complete tags, correspondent-change correspondents... The change and remove commands share their argument
 * field, and an annotation names one completer.
 */
@Service
public class CommandObjectCompleter extends ObjectNameCompleter {

    @Reference(optional = true)
    CorrespondentRepository correspondents;

    @Reference(optional = true)
    TagRepository tags;

    @Reference(optional = true)
    DocumentTypeRepository documentTypes;

    @Reference(optional = true)
    StoragePathRepository storagePaths;

    @Override
    protected ObjectRepository<? extends ClassifyingObject> repository(CommandLine line) {
        String command = line.getArguments()[0];
        String name = command.substring(command.indexOf(':') + 1);
        if (name.startsWith("correspondent-")) {
            return correspondents;
        }
        if (name.startsWith("tag-")) {
            return tags;
        }
        if (name.startsWith("document-type-")) {
            return documentTypes;
        }
        return name.startsWith("storage-path-") ? storagePaths : null;
    }
}
