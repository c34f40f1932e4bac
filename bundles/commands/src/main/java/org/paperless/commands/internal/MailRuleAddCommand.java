package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.mail.MailRule;

@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "mail-rule-add", description = "Add a rule that turns an account's mails into"
        + " documents: folder, filters, what to consume, what to assign, what to do with the mail afterwards")
public class MailRuleAddCommand extends MailRuleOptions {

    @Argument(index = 0, name = "name", description = "Unique name", required = true)
    String name;

    @Override
    public Object execute() {
        if (account == null) {
            throw new IllegalArgumentException("A mail rule needs --account NAME (see paperless:mail-account-list)");
        }
        MailRule created = rules().create(applyTo(null, name));
        System.out.println("Added mail rule #" + created.id() + " '" + created.name() + "'");
        return null;
    }
}
