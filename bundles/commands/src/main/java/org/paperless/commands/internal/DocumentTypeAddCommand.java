package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.DocumentType;
import org.paperless.api.Matching;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.ObjectRepository;

@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "document-type-add", description = "Add a document type with its matching rule")
public class DocumentTypeAddCommand extends ObjectAddAction<DocumentType> {

    @Reference(optional = true)
    DocumentTypeRepository repository;

    @Override
    protected ObjectRepository<DocumentType> repository() {
        return Capabilities.storage(repository);
    }

    @Override
    protected DocumentType build(String name, Matching matching) {
        return new DocumentType(null, name, matching);
    }
}
