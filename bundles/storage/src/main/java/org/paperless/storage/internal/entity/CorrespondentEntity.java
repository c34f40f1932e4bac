package org.paperless.storage.internal.entity;

import javax.persistence.Entity;
import javax.persistence.Table;

@Entity
@Table(name = "correspondent")
public class CorrespondentEntity extends NamedEntity {
}
