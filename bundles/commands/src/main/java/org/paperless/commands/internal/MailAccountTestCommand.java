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
import org.paperless.api.mail.MailFetcher;

@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "mail-account-test", description = "Log in to a mail account and list its folders")
public class MailAccountTestCommand implements Action {

    @Completion(MailAccountCompleter.class)
    @Argument(index = 0, name = "id-or-name", description = "The account's id or name", required = true)
    String idOrName;

    @Reference(optional = true)
    MailAccounts accounts;

    @Reference(optional = true)
    MailFetcher fetcher;

    @Override
    public Object execute() {
        MailAccount account = Capabilities.storage(accounts).resolve(idOrName);
        List<String> folders = Capabilities.mail(fetcher).test(account);
        System.out.println("Logged in to " + account.host() + ":" + account.effectivePort() + " as " + account.user()
                + "; " + folders.size() + (folders.size() == 1 ? " folder:" : " folders:"));
        folders.forEach(f -> System.out.println("  " + f));
        return null;
    }
}
