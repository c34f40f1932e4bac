package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.Correspondent;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.ObjectRepository;

@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "correspondent-remove", description = "Remove correspondents; their documents lose the reference")
public class CorrespondentRemoveCommand extends ObjectRemoveAction<Correspondent> {

    @Reference(optional = true)
    CorrespondentRepository repository;

    @Override
    protected ObjectRepository<Correspondent> repository() {
        return Capabilities.storage(repository);
    }
}
