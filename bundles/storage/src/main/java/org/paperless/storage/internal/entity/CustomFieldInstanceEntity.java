package org.paperless.storage.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

@Entity
@Table(name = "custom_field_instance")
public class CustomFieldInstanceEntity extends DocumentPartEntity {

    @Column(name = "field_id", nullable = false)
    private long fieldId;

    /** A CLOB column read and written as a plain string (see DocumentEntity.content). */
    @Column(name = "value_text")
    private String value;

    public long getFieldId() {
        return fieldId;
    }

    public void setFieldId(long fieldId) {
        this.fieldId = fieldId;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
