package org.paperless.consumer.internal;

import org.paperless.api.storage.DocumentRepository;

/** A file whose checksum a document already has is refused, whether that document is in use or in the trash. */
final class Duplicates {

    private final DocumentRepository documents;

    Duplicates(DocumentRepository documents) {
        this.documents = documents;
    }

    void refuseStored(String checksum) throws Refusal {
        var duplicate = documents.findByChecksum(checksum);
        if (duplicate.isPresent()) {
            long id = duplicate.get().id();
            String where = documents.trashedAt(id).isPresent()
                    ? ", which is in the trash (paperless:trash restore " + id + " brings it back)" : "";
            throw new Refusal("It is a duplicate of document " + id + " '" + duplicate.get().title()
                    + "' (same SHA-256 checksum)" + where);
        }
    }
}
