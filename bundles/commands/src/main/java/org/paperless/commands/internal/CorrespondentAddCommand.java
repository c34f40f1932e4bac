package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.Correspondent;
import org.paperless.api.Matching;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.ObjectRepository;

@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "correspondent-add", description = "Add a correspondent with its matching rule")
public class CorrespondentAddCommand extends ObjectAddAction<Correspondent> {

    @Reference(optional = true)
    CorrespondentRepository repository;

    @Override
    protected ObjectRepository<Correspondent> repository() {
        return Capabilities.storage(repository);
    }

    @Override
    protected Correspondent build(String name, Matching matching) {
        return new Correspondent(null, name, matching);
    }
}
