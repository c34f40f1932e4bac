package org.paperless.storage.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

@Entity
@Table(name = "storage_path")
public class StoragePathEntity extends NamedEntity {

    @Column(name = "path_format", nullable = false, length = 512)
    private String pathFormat;

    public String getPathFormat() {
        return pathFormat;
    }

    public void setPathFormat(String pathFormat) {
        this.pathFormat = pathFormat;
    }
}
