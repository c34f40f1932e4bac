package org.paperless.commands.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.paperless.api.mail.MailAccounts;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.MailRules;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.TagRepository;

/**
 * The options of mail-rule-add and -change, named after paperless-ngx's rule fields; what is not given is
 * taken from the rule being changed (or the defaults). An empty text ("") clears a filter.
 */
abstract class MailRuleOptions implements Action {

    @Completion(MailAccountCompleter.class)
    @Option(name = "--account", description = "The mail account the rule fetches from")
    String account;

    @Option(name = "--folder", description = "The IMAP folder (default INBOX; sub-folders as the server writes them, such as INBOX/Bills)")
    String folder;

    @Option(name = "--order", description = "Rules of an account run in ascending order (default 0)")
    Integer order;

    @Option(name = "--enabled", description = "yes or no (default yes)")
    String enabled;

    @Option(name = "--from", description = "Only mails whose sender contains this text")
    String from;

    @Option(name = "--to", description = "Only mails with a recipient containing this text")
    String to;

    @Option(name = "--subject", description = "Only mails whose subject contains this text")
    String subject;

    @Option(name = "--body", description = "Only mails whose body contains this text")
    String body;

    @Option(name = "--filename-include", description = "Only attachments whose whole file name matches this glob (*.pdf)")
    String filenameInclude;

    @Option(name = "--filename-exclude", description = "No attachment whose file name matches this glob")
    String filenameExclude;

    @Option(name = "--maximum-age", description = "Only mails received within this many days (default 30; 0: any age)")
    Integer maximumAge;

    @Option(name = "--attachment-type", description = "attachments (default) or everything (inline parts too)")
    String attachmentType;

    @Option(name = "--scope", description = "attachments (default), eml (the whole mail as one document) or everything (both)")
    String scope;

    @Option(name = "--title-from", description = "subject (default), filename or none")
    String titleFrom;

    @Option(name = "--correspondent-from", description = "nothing (default), email, name or custom (with --correspondent)")
    String correspondentFrom;

    @Completion(CorrespondentCompleter.class)
    @Option(name = "--correspondent", description = "The correspondent every document gets (sets --correspondent-from custom)")
    String correspondent;

    @Completion(DocumentTypeCompleter.class)
    @Option(name = "--type", description = "The document type every document gets (\"\" for none)")
    String type;

    @Completion(TagCompleter.class)
    @Option(name = "--tag", description = "A tag every document gets; repeat for several (replaces the rule's tags)", multiValued = true)
    List<String> tagNames;

    @Option(name = "--no-tags", description = "No tags (removes the rule's tags)")
    boolean noTags;

    @Option(name = "--action", description = "After consumption: mark-read (default), flag, move, delete or keyword")
    String action;

    @Option(name = "--action-parameter", description = "The folder to move to, or the keyword to add")
    String actionParameter;

    @Option(name = "--stop-processing", description = "yes: no further rule looks at a mail this rule consumed (default no)")
    String stopProcessing;

    @Reference(optional = true)
    MailRules rules;

    @Reference(optional = true)
    MailAccounts accounts;

    @Reference(optional = true)
    TagRepository tags;

    @Reference(optional = true)
    CorrespondentRepository correspondents;

    @Reference(optional = true)
    DocumentTypeRepository documentTypes;

    MailRules rules() {
        return Capabilities.storage(rules);
    }

    MailRule applyTo(MailRule base, String name) {
        MailRule b = base != null ? base : defaults();
        long accountId = account != null ? Capabilities.storage(accounts).resolve(account).id() : b.accountId();
        MailRule.CorrespondentSource source = Choices.parse(MailRule.CorrespondentSource.class, correspondentFrom,
                "--correspondent-from");
        Long correspondentId = b.correspondentId();
        if (correspondent != null) {
            correspondentId = correspondent.isBlank() ? null : Capabilities.storage(correspondents).resolve(correspondent).id();
            source = source != null ? source : correspondentId == null ? MailRule.CorrespondentSource.NOTHING
                    : MailRule.CorrespondentSource.CUSTOM;
        }
        source = source != null ? source : b.correspondentFrom();
        if (source == MailRule.CorrespondentSource.CUSTOM && correspondentId == null) {
            throw new IllegalArgumentException("--correspondent-from custom needs --correspondent NAME");
        }
        Long typeId = type == null ? b.documentTypeId()
                : type.isBlank() ? null : Capabilities.storage(documentTypes).resolve(type).id();
        return new MailRule(b.id(), accountId, name, order != null ? order : b.order(),
                enabled != null ? yes(enabled, "--enabled") : b.enabled(), or(folder, b.folder()),
                or(from, b.filterFrom()), or(to, b.filterTo()), or(subject, b.filterSubject()), or(body, b.filterBody()),
                or(filenameInclude, b.attachmentInclude()), or(filenameExclude, b.attachmentExclude()),
                maximumAge != null ? maximumAge : b.maximumAgeDays(),
                or(Choices.parse(MailRule.AttachmentType.class, attachmentType, "--attachment-type"), b.attachmentType()),
                or(Choices.parse(MailRule.Scope.class, scope, "--scope"), b.scope()),
                or(Choices.parse(MailRule.TitleSource.class, titleFrom, "--title-from"), b.titleFrom()),
                source, source == MailRule.CorrespondentSource.CUSTOM ? correspondentId : null, typeId, tagIds(b),
                or(Choices.parse(MailRule.Action.class, action, "--action"), b.action()),
                or(actionParameter, b.actionParameter()),
                stopProcessing != null ? yes(stopProcessing, "--stop-processing") : b.stopProcessing());
    }

    /** A placeholder the options overwrite: account 0 is refused by storage unless --account was given. */
    private static MailRule defaults() {
        return new MailRule(null, 0, "-", 0, true, "INBOX", null, null, null, null, null, null, 30, null, null, null,
                null, null, null, List.of(), null, null, false);
    }

    private List<Long> tagIds(MailRule b) {
        if (noTags && tagNames != null) {
            throw new IllegalArgumentException("Give --tag or --no-tags, not both");
        }
        if (noTags) {
            return List.of();
        }
        if (tagNames == null) {
            return b.tagIds();
        }
        List<Long> ids = new ArrayList<>();
        for (String t : tagNames) {
            ids.add(Capabilities.storage(tags).resolve(t).id());
        }
        return ids;
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }

    private static boolean yes(String text, String option) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on", "1":
                return true;
            case "no", "false", "off", "0":
                return false;
            default:
                throw new IllegalArgumentException(option + " takes yes or no, not '" + text + "'");
        }
    }
}
