package org.paperless.storage.internal.entity;

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
 * A mail the fetcher took on, by account, folder, UIDVALIDITY and UID (unique); times in UTC. The rule
 * and the documents are plain ids without foreign keys: the record outlives both.
 */
@Entity
@Table(name = "processed_mail")
public class ProcessedMailEntity extends IdentifiedEntity {

    public static final int FOLDER_LENGTH = 1024;
    public static final int MESSAGE_ID_LENGTH = 998;
    public static final int SUBJECT_LENGTH = 256;
    public static final int ERROR_LENGTH = 4000;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "rule_id", nullable = false)
    private long ruleId;

    @Column(name = "folder", nullable = false, length = FOLDER_LENGTH)
    private String folder;

    @Column(name = "uid_validity", nullable = false)
    private long uidValidity;

    @Column(name = "uid", nullable = false)
    private long uid;

    @Column(name = "message_id", length = MESSAGE_ID_LENGTH)
    private String messageId;

    @Column(name = "subject", nullable = false, length = SUBJECT_LENGTH)
    private String subject;

    @Column(name = "received")
    private LocalDateTime received;

    /** The ProcessedMail.Status name. */
    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "error", length = ERROR_LENGTH)
    private String error;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** Failed attempts to consume it (migration 6). */
    @Column(name = "attempts", nullable = false)
    private int attempts;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "processed_mail_document", joinColumns = @JoinColumn(name = "processed_id"))
    @Column(name = "document_id")
    private Set<Long> documentIds = new HashSet<>();

    public Set<Long> getDocumentIds() {
        return documentIds;
    }

    public long getAccountId() {
        return accountId;
    }

    public void setAccountId(long accountId) {
        this.accountId = accountId;
    }

    public long getRuleId() {
        return ruleId;
    }

    public void setRuleId(long ruleId) {
        this.ruleId = ruleId;
    }

    public String getFolder() {
        return folder;
    }

    public void setFolder(String folder) {
        this.folder = folder;
    }

    public long getUidValidity() {
        return uidValidity;
    }

    public void setUidValidity(long uidValidity) {
        this.uidValidity = uidValidity;
    }

    public long getUid() {
        return uid;
    }

    public void setUid(long uid) {
        this.uid = uid;
    }

    public String getMessageId() {
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public LocalDateTime getReceived() {
        return received;
    }

    public void setReceived(LocalDateTime received) {
        this.received = received;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getError() {
        return error;
    }

    public void setError(String error) {
        this.error = error;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(LocalDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }
}
