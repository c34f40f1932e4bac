package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.mail.MailRule;

@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "mail-rule-change", description = "Change a mail rule; what is not given stays"
        + " (\"\" clears a filter)")
public class MailRuleChangeCommand extends MailRuleOptions {

    @Completion(MailRuleCompleter.class)
    @Argument(index = 0, name = "id-or-name", description = "The rule's id or name", required = true)
    String idOrName;

    @Option(name = "--name", aliases = "-n", description = "New name")
    String newName;

    @Override
    public Object execute() {
        MailRule current = rules().resolve(idOrName);
        MailRule changed = rules().update(applyTo(current, newName != null ? newName : current.name()));
        System.out.println("Changed mail rule #" + changed.id() + " '" + changed.name() + "'");
        return null;
    }
}
