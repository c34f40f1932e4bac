package org.paperless.api.mail;

import java.util.List;
import java.util.Objects;

/**
 * How the mails of one account's folder become documents, and what happens to a mail afterwards
 * (paperless-ngx's mail rule). Filters left null match everything.
 *
 * @param id the database's, null before it is stored
 * @param accountId the account it belongs to
 * @param name unique, compared case-insensitively
 * @param order rules of an account run in ascending order (then by id)
 * @param folder the IMAP folder, sub-folders in the server's own path syntax (such as INBOX/Bills)
 * @param filterFrom text the sender must contain (case-insensitive)
 * @param filterTo text one recipient must contain
 * @param filterSubject text the subject must contain
 * @param filterBody text the body must contain
 * @param attachmentInclude a glob (* and ?) the whole attachment file name must match (case-insensitive)
 * @param attachmentExclude a glob no consumed attachment's file name may match
 * @param maximumAgeDays only mails received within this many days; 0 for any age
 * @param actionParameter the target folder of MOVE, the keyword of KEYWORD
 * @param tagIds tags every document from this rule gets
 * @param documentTypeId the type every document gets, or null
 * @param correspondentId the correspondent for {@link CorrespondentSource#CUSTOM}
 * @param stopProcessing no further rule looks at a mail this rule consumed something from
 */
public record MailRule(Long id, long accountId, String name, int order, boolean enabled, String folder,
        String filterFrom, String filterTo, String filterSubject, String filterBody, String attachmentInclude,
        String attachmentExclude, int maximumAgeDays, AttachmentType attachmentType, Scope scope, TitleSource titleFrom,
        CorrespondentSource correspondentFrom, Long correspondentId, Long documentTypeId, List<Long> tagIds,
        Action action, String actionParameter, boolean stopProcessing) {

    /** Which parts count as attachments. */
    public enum AttachmentType {
        /** Parts with a file name that are not inline. */
        ATTACHMENTS_ONLY,
        /** Inline parts with a file name too (embedded images...). */
        EVERYTHING
    }

    /** What of a mail is consumed. */
    public enum Scope {
        ATTACHMENTS, EML, EVERYTHING
    }

    /** Where a document's title comes from. */
    public enum TitleSource {
        SUBJECT, FILENAME, NONE
    }

    /** Where a document's correspondent comes from. */
    public enum CorrespondentSource {
        NOTHING, EMAIL, NAME, CUSTOM
    }

    /** What happens to a mail once every document from it is stored. */
    public enum Action {
        DELETE, MOVE, MARK_READ, FLAG, KEYWORD;

        /** Whether the action needs {@link MailRule#actionParameter()}. */
        public boolean needsParameter() {
            return this == MOVE || this == KEYWORD;
        }
    }

    public MailRule {
        name = MailAccount.requireText(name, "name");
        folder = folder == null || folder.isBlank() ? "INBOX" : folder.trim();
        filterFrom = blankToNull(filterFrom);
        filterTo = blankToNull(filterTo);
        filterSubject = blankToNull(filterSubject);
        filterBody = blankToNull(filterBody);
        attachmentInclude = blankToNull(attachmentInclude);
        attachmentExclude = blankToNull(attachmentExclude);
        actionParameter = blankToNull(actionParameter);
        if (maximumAgeDays < 0) {
            throw new IllegalArgumentException("The maximum age must be 0 (any) or more days, not " + maximumAgeDays);
        }
        attachmentType = attachmentType == null ? AttachmentType.ATTACHMENTS_ONLY : attachmentType;
        scope = scope == null ? Scope.ATTACHMENTS : scope;
        titleFrom = titleFrom == null ? TitleSource.SUBJECT : titleFrom;
        correspondentFrom = correspondentFrom == null ? CorrespondentSource.NOTHING : correspondentFrom;
        action = action == null ? Action.MARK_READ : action;
        tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
        if (action.needsParameter() && actionParameter == null) {
            throw new IllegalArgumentException("The action " + action + " needs a parameter: "
                    + (action == Action.MOVE ? "the folder to move to" : "the keyword to add"));
        }
        if (correspondentFrom == CorrespondentSource.CUSTOM) {
            Objects.requireNonNull(correspondentId, "a custom correspondent needs the correspondent");
        }
    }

    public MailRule withId(Long newId) {
        return new MailRule(newId, accountId, name, order, enabled, folder, filterFrom, filterTo, filterSubject,
                filterBody, attachmentInclude, attachmentExclude, maximumAgeDays, attachmentType, scope, titleFrom,
                correspondentFrom, correspondentId, documentTypeId, tagIds, action, actionParameter, stopProcessing);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
