package org.paperless.commands.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailAccounts;

/** Completes mail account names, their ids as description. */
@Service
public class MailAccountCompleter extends ListingCompleter {

    @Reference(optional = true)
    MailAccounts accounts;

    @Override
    protected void list(CommandLine line, List<Candidate> candidates) {
        if (accounts != null) {
            for (MailAccount a : accounts.list()) {
                candidates.add(Candidates.of(a.name(), "mail account " + a.id()));
            }
        }
    }
}
