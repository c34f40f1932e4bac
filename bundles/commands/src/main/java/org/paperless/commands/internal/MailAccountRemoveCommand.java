package org.paperless.commands.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailAccounts;

@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "mail-account-remove", description = "Remove mail accounts with their rules;"
        + " documents fetched from them stay")
public class MailAccountRemoveCommand implements Action {

    @Completion(MailAccountCompleter.class)
    @Argument(index = 0, name = "id-or-name", description = "The accounts' ids or names", required = true, multiValued = true)
    List<String> idsOrNames;

    @Reference(optional = true)
    MailAccounts accounts;

    @Override
    public Object execute() {
        MailAccounts repository = Capabilities.storage(accounts);
        List<MailAccount> found = idsOrNames.stream().map(repository::resolve).toList();
        for (MailAccount a : found) {
            repository.delete(a.id());
            System.out.println("Removed mail account #" + a.id() + " '" + a.name() + "' and its rules");
        }
        return null;
    }
}
