package org.paperless.storage.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

@Entity
@Table(name = "custom_field")
public class CustomFieldEntity extends IdentifiedEntity {

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    /** The CustomFieldType label ("string", "date", ...). */
    @Column(name = "data_type", nullable = false, length = 32)
    private String dataType;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDataType() {
        return dataType;
    }

    public void setDataType(String dataType) {
        this.dataType = dataType;
    }
}
