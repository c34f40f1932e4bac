package org.paperless.storage.internal.entity;

import javax.persistence.Column;
import javax.persistence.MappedSuperclass;

/** A row that belongs to one document (a note, a custom field value); deleted with it by the database. */
@MappedSuperclass
public abstract class DocumentPartEntity extends IdentifiedEntity {

    @Column(name = "document_id", nullable = false)
    private long documentId;

    public long getDocumentId() {
        return documentId;
    }

    public void setDocumentId(long documentId) {
        this.documentId = documentId;
    }
}
