package org.paperless.storage.internal.entity;

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
 * A mail rule; enums by name. Account, correspondent, type and tags are plain ids: the database's
 * foreign keys delete the rule with its account, clear a deleted correspondent or type, and drop a
 * deleted tag.
 */
@Entity
@Table(name = "mail_rule")
public class MailRuleEntity extends IdentifiedEntity {

    public static final int FOLDER_LENGTH = 1024;
    public static final int FILTER_LENGTH = 256;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "name", nullable = false, length = 256)
    private String name;

    @Column(name = "rule_order", nullable = false)
    private int ruleOrder;

    @Column(name = "is_enabled", nullable = false)
    private boolean enabled;

    @Column(name = "folder", nullable = false, length = FOLDER_LENGTH)
    private String folder;

    @Column(name = "filter_from", length = FILTER_LENGTH)
    private String filterFrom;

    @Column(name = "filter_to", length = FILTER_LENGTH)
    private String filterTo;

    @Column(name = "filter_subject", length = FILTER_LENGTH)
    private String filterSubject;

    @Column(name = "filter_body", length = FILTER_LENGTH)
    private String filterBody;

    @Column(name = "attachment_include", length = FILTER_LENGTH)
    private String attachmentInclude;

    @Column(name = "attachment_exclude", length = FILTER_LENGTH)
    private String attachmentExclude;

    @Column(name = "maximum_age_days", nullable = false)
    private int maximumAgeDays;

    @Column(name = "attachment_type", nullable = false, length = 32)
    private String attachmentType;

    @Column(name = "consumption_scope", nullable = false, length = 32)
    private String consumptionScope;

    @Column(name = "title_source", nullable = false, length = 32)
    private String titleSource;

    @Column(name = "correspondent_source", nullable = false, length = 32)
    private String correspondentSource;

    @Column(name = "correspondent_id")
    private Long correspondentId;

    @Column(name = "document_type_id")
    private Long documentTypeId;

    @Column(name = "mail_action", nullable = false, length = 32)
    private String mailAction;

    @Column(name = "action_parameter", length = FOLDER_LENGTH)
    private String actionParameter;

    @Column(name = "stop_processing", nullable = false)
    private boolean stopProcessing;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "mail_rule_tag", joinColumns = @JoinColumn(name = "rule_id"))
    @Column(name = "tag_id")
    private Set<Long> tagIds = new HashSet<>();

    public Set<Long> getTagIds() {
        return tagIds;
    }

    /** Changes the stored set in place, so that only the tags that came or went are written. */
    public void setTagIds(Set<Long> tagIds) {
        if (this.tagIds == null) {
            this.tagIds = new HashSet<>(tagIds);
            return;
        }
        this.tagIds.retainAll(tagIds);
        this.tagIds.addAll(tagIds);
    }

    public long getAccountId() {
        return accountId;
    }

    public void setAccountId(long accountId) {
        this.accountId = accountId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getRuleOrder() {
        return ruleOrder;
    }

    public void setRuleOrder(int ruleOrder) {
        this.ruleOrder = ruleOrder;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getFolder() {
        return folder;
    }

    public void setFolder(String folder) {
        this.folder = folder;
    }

    public String getFilterFrom() {
        return filterFrom;
    }

    public void setFilterFrom(String filterFrom) {
        this.filterFrom = filterFrom;
    }

    public String getFilterTo() {
        return filterTo;
    }

    public void setFilterTo(String filterTo) {
        this.filterTo = filterTo;
    }

    public String getFilterSubject() {
        return filterSubject;
    }

    public void setFilterSubject(String filterSubject) {
        this.filterSubject = filterSubject;
    }

    public String getFilterBody() {
        return filterBody;
    }

    public void setFilterBody(String filterBody) {
        this.filterBody = filterBody;
    }

    public String getAttachmentInclude() {
        return attachmentInclude;
    }

    public void setAttachmentInclude(String attachmentInclude) {
        this.attachmentInclude = attachmentInclude;
    }

    public String getAttachmentExclude() {
        return attachmentExclude;
    }

    public void setAttachmentExclude(String attachmentExclude) {
        this.attachmentExclude = attachmentExclude;
    }

    public int getMaximumAgeDays() {
        return maximumAgeDays;
    }

    public void setMaximumAgeDays(int maximumAgeDays) {
        this.maximumAgeDays = maximumAgeDays;
    }

    public String getAttachmentType() {
        return attachmentType;
    }

    public void setAttachmentType(String attachmentType) {
        this.attachmentType = attachmentType;
    }

    public String getConsumptionScope() {
        return consumptionScope;
    }

    public void setConsumptionScope(String consumptionScope) {
        this.consumptionScope = consumptionScope;
    }

    public String getTitleSource() {
        return titleSource;
    }

    public void setTitleSource(String titleSource) {
        this.titleSource = titleSource;
    }

    public String getCorrespondentSource() {
        return correspondentSource;
    }

    public void setCorrespondentSource(String correspondentSource) {
        this.correspondentSource = correspondentSource;
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

    public String getMailAction() {
        return mailAction;
    }

    public void setMailAction(String mailAction) {
        this.mailAction = mailAction;
    }

    public String getActionParameter() {
        return actionParameter;
    }

    public void setActionParameter(String actionParameter) {
        this.actionParameter = actionParameter;
    }

    public boolean isStopProcessing() {
        return stopProcessing;
    }

    public void setStopProcessing(boolean stopProcessing) {
        this.stopProcessing = stopProcessing;
    }
}
