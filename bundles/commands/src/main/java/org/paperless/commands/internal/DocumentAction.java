package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;

/** What the document commands share: the repositories whose names a document row shows. */
abstract class DocumentAction implements Action {

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Reference(optional = true)
    DocumentRepository documents;

    @Reference(optional = true)
    CorrespondentRepository correspondents;

    @Reference(optional = true)
    DocumentTypeRepository documentTypes;

    @Reference(optional = true)
    StoragePathRepository storagePaths;

    @Reference(optional = true)
    TagRepository tags;

    DocumentRepository documents() {
        return Capabilities.storage(documents);
    }
}
