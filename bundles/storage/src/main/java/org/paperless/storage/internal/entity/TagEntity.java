package org.paperless.storage.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

@Entity
@Table(name = "tag")
public class TagEntity extends NamedEntity {

    @Column(name = "color", nullable = false, length = 7)
    private String color;

    @Column(name = "is_inbox", nullable = false)
    private boolean inbox;

    /** A plain id, not a relation: the repository checks the hierarchy as a whole. */
    @Column(name = "parent_id")
    private Long parentId;

    public String getColor() {
        return color;
    }

    public void setColor(String color) {
        this.color = color;
    }

    public boolean isInbox() {
        return inbox;
    }

    public void setInbox(boolean inbox) {
        this.inbox = inbox;
    }

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }
}
