package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.mail.MailAccount;

@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "mail-account-change", description = "Change a mail account; what is not given stays")
public class MailAccountChangeCommand extends MailAccountOptions {

    @Completion(MailAccountCompleter.class)
    @Argument(index = 0, name = "id-or-name", description = "The account's id or name", required = true)
    String idOrName;

    @Option(name = "--name", aliases = "-n", description = "New name")
    String newName;

    @Override
    public Object execute() throws Exception {
        MailAccount current = accounts().resolve(idOrName);
        MailAccount changed = accounts().update(applyTo(current, newName != null ? newName : current.name()));
        System.out.println("Changed mail account " + describe(changed));
        return null;
    }
}
