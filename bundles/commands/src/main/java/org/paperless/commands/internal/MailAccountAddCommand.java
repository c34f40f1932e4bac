package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.mail.MailAccount;

@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "mail-account-add", description = "Add an IMAP account to fetch documents from"
        + " (its rules come with mail-rule-add); paperless:mail-account-test checks the login")
public class MailAccountAddCommand extends MailAccountOptions {

    @Argument(index = 0, name = "name", description = "Unique name", required = true)
    String name;

    @Override
    public Object execute() throws Exception {
        if (host == null || user == null || (password == null && passwordFile == null)) {
            throw new IllegalArgumentException("A mail account needs --host, --user and --password (or --password-file)");
        }
        MailAccount created = accounts().create(applyTo(null, name));
        System.out.println("Added mail account " + describe(created));
        return null;
    }
}
