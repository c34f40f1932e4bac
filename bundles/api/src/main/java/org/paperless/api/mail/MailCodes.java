package org.paperless.api.mail;

import java.util.List;

import org.paperless.api.mail.MailAccount.Security;
import org.paperless.api.mail.MailRule.Action;
import org.paperless.api.mail.MailRule.AttachmentType;
import org.paperless.api.mail.MailRule.CorrespondentSource;
import org.paperless.api.mail.MailRule.Scope;
import org.paperless.api.mail.MailRule.TitleSource;

/**
 * paperless-ngx's integer choices of its mail models (paperless_mail/models.py), each list in the order of
 * its codes 1, 2, 3... Named here rather than taken from the enums' order, which may change. Exports, imports and
 * the REST API speak them.
 */
public final class MailCodes {

    public static final List<Security> SECURITY = List.of(Security.NONE, Security.SSL, Security.STARTTLS);
    /** paperless-ngx's TAG (5) adds an IMAP keyword, as our KEYWORD does. */
    public static final List<Action> ACTION = List.of(Action.DELETE, Action.MOVE, Action.MARK_READ, Action.FLAG,
            Action.KEYWORD);
    public static final List<Scope> SCOPE = List.of(Scope.ATTACHMENTS, Scope.EML, Scope.EVERYTHING);
    public static final List<AttachmentType> ATTACHMENT_TYPE = List.of(AttachmentType.ATTACHMENTS_ONLY,
            AttachmentType.EVERYTHING);
    public static final List<TitleSource> TITLE = List.of(TitleSource.SUBJECT, TitleSource.FILENAME, TitleSource.NONE);
    public static final List<CorrespondentSource> CORRESPONDENT = List.of(CorrespondentSource.NOTHING,
            CorrespondentSource.EMAIL, CorrespondentSource.NAME, CorrespondentSource.CUSTOM);

    /** MailAccount.account_type: only IMAP with a password is fetched here (not Gmail or Outlook OAuth). */
    public static final int ACCOUNT_IMAP = 1;

    private MailCodes() {
    }

    public static <E extends Enum<E>> int code(List<E> choices, E value) {
        return choices.indexOf(value) + 1;
    }

    /** The choice of a code; a code outside the list is refused with the field it came from. */
    public static <E> E choice(List<E> choices, int code, String field) {
        if (code < 1 || code > choices.size()) {
            throw new IllegalArgumentException(field + " is " + code + ", which is none of 1 to " + choices.size());
        }
        return choices.get(code - 1);
    }
}
