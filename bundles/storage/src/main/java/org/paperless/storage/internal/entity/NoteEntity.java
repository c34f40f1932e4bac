package org.paperless.storage.internal.entity;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

@Entity
@Table(name = "note")
public class NoteEntity extends DocumentPartEntity {

    /** A CLOB column read and written as a plain string (see DocumentEntity.content). */
    @Column(name = "note_text", nullable = false)
    private String text;

    /** UTC. */
    @Column(name = "created", nullable = false)
    private LocalDateTime created;

    @Column(name = "user_name", length = 128)
    private String userName;

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public LocalDateTime getCreated() {
        return created;
    }

    public void setCreated(LocalDateTime created) {
        this.created = created;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }
}
