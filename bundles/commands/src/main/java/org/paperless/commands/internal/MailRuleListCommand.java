package org.paperless.commands.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailAccounts;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.MailRules;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.TagRepository;

@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "mail-rule-list", description = "List the mail rules in the order they run")
public class MailRuleListCommand implements Action {

    @Completion(MailAccountCompleter.class)
    @Option(name = "--account", description = "Only this account's rules")
    String account;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

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

    @Override
    public Object execute() {
        MailAccounts allAccounts = Capabilities.storage(accounts);
        Map<Long, String> accountNames = allAccounts.list().stream()
                .collect(Collectors.toMap(MailAccount::id, MailAccount::name));
        List<MailRule> shown = account == null ? Capabilities.storage(rules).list()
                : rules.listFor(allAccounts.resolve(account).id());
        Table table = new Table().rightColumn("ID").column("Name").column("Account").rightColumn("Order").column("Enabled")
                .column("Folder").wideColumn("Filters", 60).column("Scope").wideColumn("Assigns", 50).column("Action");
        for (MailRule r : shown) {
            table.row(r.id(), r.name(), accountNames.getOrDefault(r.accountId(), "#" + r.accountId()), r.order(),
                    r.enabled() ? "yes" : "no", r.folder(), filters(r), scope(r), assigns(r), action(r));
        }
        table.print(System.out, noFormat);
        return null;
    }

    private static String filters(MailRule r) {
        List<String> parts = new ArrayList<>();
        add(parts, "from", r.filterFrom());
        add(parts, "to", r.filterTo());
        add(parts, "subject", r.filterSubject());
        add(parts, "body", r.filterBody());
        add(parts, "files", r.attachmentInclude());
        add(parts, "not files", r.attachmentExclude());
        parts.add(r.maximumAgeDays() == 0 ? "any age" : "within " + r.maximumAgeDays() + " days");
        return String.join("; ", parts);
    }

    private static String scope(MailRule r) {
        return Choices.spell(r.scope()) + (r.attachmentType() == MailRule.AttachmentType.EVERYTHING ? " (inline too)" : "");
    }

    private String assigns(MailRule r) {
        List<String> parts = new ArrayList<>();
        parts.add("title from " + Choices.spell(r.titleFrom()));
        switch (r.correspondentFrom()) {
            case EMAIL -> parts.add("correspondent: sender's address");
            case NAME -> parts.add("correspondent: sender's name");
            case CUSTOM -> parts.add("correspondent: " + ObjectNames.of(correspondents).name(r.correspondentId()));
            default -> { }
        }
        if (r.documentTypeId() != null) {
            parts.add("type: " + ObjectNames.of(documentTypes).name(r.documentTypeId()));
        }
        if (!r.tagIds().isEmpty()) {
            parts.add("tags: " + ObjectNames.of(tags).names(r.tagIds()));
        }
        return String.join("; ", parts);
    }

    private static String action(MailRule r) {
        String text = Choices.spell(r.action()) + (r.actionParameter() == null ? "" : " " + r.actionParameter());
        return r.stopProcessing() ? text + ", then stop" : text;
    }

    private static void add(List<String> parts, String what, String value) {
        if (value != null) {
            parts.add(what + " '" + value + "'");
        }
    }
}
