package org.paperless.storage.internal.entity;

import javax.persistence.Entity;
import javax.persistence.Table;

@Entity
@Table(name = "document_type")
public class DocumentTypeEntity extends NamedEntity {
}
