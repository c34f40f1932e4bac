package org.paperless.commands.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailAccounts;

/** Passwords are never shown, only whether one is set. */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "mail-account-list", description = "List the mail accounts (passwords are never shown)")
public class MailAccountListCommand implements Action {

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Reference(optional = true)
    MailAccounts accounts;

    @Override
    public Object execute() {
        List<MailAccount> all = Capabilities.storage(accounts).list();
        Table table = new Table().rightColumn("ID").column("Name").column("Host").rightColumn("Port").column("Security")
                .column("User").column("Password").column("Charset");
        for (MailAccount a : all) {
            table.row(a.id(), a.name(), a.host(), a.effectivePort(), Choices.spell(a.security()), a.user(),
                    a.password().isEmpty() ? "not set" : "set", a.characterSet());
        }
        table.print(System.out, noFormat);
        return null;
    }
}
