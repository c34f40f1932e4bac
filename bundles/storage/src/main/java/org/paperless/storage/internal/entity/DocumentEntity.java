package org.paperless.storage.internal.entity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.JoinColumn;
import javax.persistence.Table;

/**
 * A document row. References to correspondent, type and storage path are plain ids: the database's
 * foreign keys (ON DELETE SET NULL) keep them right, and a listing needs no joins.
 */
@Entity
@Table(name = "document")
public class DocumentEntity extends IdentifiedEntity {

    @Column(name = "title", nullable = false, length = 128)
    private String title;

    /** CLOB/TEXT, mapped without @Lob: plain strings read and write both Derby's CLOB and PostgreSQL's TEXT. */
    @Column(name = "content")
    private String content;

    @Column(name = "correspondent_id")
    private Long correspondentId;

    @Column(name = "document_type_id")
    private Long documentTypeId;

    @Column(name = "storage_path_id")
    private Long storagePathId;

    @Column(name = "created")
    private LocalDate created;

    /** UTC: JPA 2.2 maps LocalDateTime, not Instant. */
    @Column(name = "modified", nullable = false)
    private LocalDateTime modified;

    /** UTC. */
    @Column(name = "added", nullable = false)
    private LocalDateTime added;

    @Column(name = "checksum", nullable = false, length = 64)
    private String checksum;

    @Column(name = "archive_checksum", length = 64)
    private String archiveChecksum;

    @Column(name = "archive_serial_number")
    private Long archiveSerialNumber;

    @Column(name = "filename", length = 1024)
    private String filename;

    @Column(name = "archive_filename", length = 1024)
    private String archiveFilename;

    @Column(name = "original_filename", length = 1024)
    private String originalFilename;

    @Column(name = "mime_type", length = 256)
    private String mimeType;

    @Column(name = "page_count")
    private Integer pageCount;

    @Column(name = "owner", length = 128)
    private String owner;

    /** UTC; null unless the document is in the trash. */
    @Column(name = "deleted_at")
    private LocalDateTime deletedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "document_tag", joinColumns = @JoinColumn(name = "document_id"))
    @Column(name = "tag_id")
    private Set<Long> tagIds = new HashSet<>();

    public Set<Long> getTagIds() {
        return tagIds;
    }

    /**
     * Changes the stored set in place: OpenJPA then writes only the tags that came or went, where a new
     * set would make it delete and insert every row of the document again.
     */
    public void setTagIds(Set<Long> tagIds) {
        if (this.tagIds == null) {
            this.tagIds = new HashSet<>(tagIds);
            return;
        }
        this.tagIds.retainAll(tagIds);
        this.tagIds.addAll(tagIds);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public Long getCorrespondentId() {
        return correspondentId;
    }

    public void setCorrespondentId(Long correspondentId) {
        this.correspondentId = correspondentId;
    }

    public Long getDocumentTypeId() {
        return documentTypeId;
    }

    public void setDocumentTypeId(Long documentTypeId) {
        this.documentTypeId = documentTypeId;
    }

    public Long getStoragePathId() {
        return storagePathId;
    }

    public void setStoragePathId(Long storagePathId) {
        this.storagePathId = storagePathId;
    }

    public LocalDate getCreated() {
        return created;
    }

    public void setCreated(LocalDate created) {
        this.created = created;
    }

    public LocalDateTime getModified() {
        return modified;
    }

    public void setModified(LocalDateTime modified) {
        this.modified = modified;
    }

    public LocalDateTime getAdded() {
        return added;
    }

    public void setAdded(LocalDateTime added) {
        this.added = added;
    }

    public String getChecksum() {
        return checksum;
    }

    public void setChecksum(String checksum) {
        this.checksum = checksum;
    }

    public String getArchiveChecksum() {
        return archiveChecksum;
    }

    public void setArchiveChecksum(String archiveChecksum) {
        this.archiveChecksum = archiveChecksum;
    }

    public Long getArchiveSerialNumber() {
        return archiveSerialNumber;
    }

    public void setArchiveSerialNumber(Long archiveSerialNumber) {
        this.archiveSerialNumber = archiveSerialNumber;
    }

    public String getFilename() {
        return filename;
    }

    public void setFilename(String filename) {
        this.filename = filename;
    }

    public String getArchiveFilename() {
        return archiveFilename;
    }

    public void setArchiveFilename(String archiveFilename) {
        this.archiveFilename = archiveFilename;
    }

    public String getOriginalFilename() {
        return originalFilename;
    }

    public void setOriginalFilename(String originalFilename) {
        this.originalFilename = originalFilename;
    }

    public String getMimeType() {
        return mimeType;
    }

    public void setMimeType(String mimeType) {
        this.mimeType = mimeType;
    }

    public Integer getPageCount() {
        return pageCount;
    }

    public void setPageCount(Integer pageCount) {
        this.pageCount = pageCount;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public LocalDateTime getDeletedAt() {
        return deletedAt;
    }

    public void setDeletedAt(LocalDateTime deletedAt) {
        this.deletedAt = deletedAt;
    }
}
