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
@Command(scope = "paperless", name = "document-type-change", description = "Change a document type's name or matching rule")
public class DocumentTypeChangeCommand extends ObjectChangeAction<DocumentType> {

    @Reference(optional = true)
    DocumentTypeRepository repository;

    @Override
    protected ObjectRepository<DocumentType> repository() {
        return Capabilities.storage(repository);
    }

    @Override
    protected DocumentType rebuild(DocumentType current, String name, Matching matching) {
        return new DocumentType(current.id(), name, matching);
    }
}
