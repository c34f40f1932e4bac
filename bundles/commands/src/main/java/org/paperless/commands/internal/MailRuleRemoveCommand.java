package org.paperless.commands.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.MailRules;

@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "mail-rule-remove", description = "Remove mail rules; documents fetched by them stay")
public class MailRuleRemoveCommand implements Action {

    @Completion(MailRuleCompleter.class)
    @Argument(index = 0, name = "id-or-name", description = "The rules' ids or names", required = true, multiValued = true)
    List<String> idsOrNames;

    @Reference(optional = true)
    MailRules rules;

    @Override
    public Object execute() {
        MailRules repository = Capabilities.storage(rules);
        List<MailRule> found = idsOrNames.stream().map(repository::resolve).toList();
        for (MailRule r : found) {
            repository.delete(r.id());
            System.out.println("Removed mail rule #" + r.id() + " '" + r.name() + "'");
        }
        return null;
    }
}
